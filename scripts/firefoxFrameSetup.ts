// Firefox only (a setup file of every `@firefox` project, scripts/engines.ts). Vitest's test frame sits in
// a holder styled `transform: scale(…)`; WebDriver BiDi cannot click inside a transformed frame ("element
// is not visible"). At scale 1 the transform changes nothing on screen, so it is lifted, each time Vitest
// sets it again.
const holder = window.frameElement?.parentElement;

function liftTransform() {
  if (holder?.getAttribute('data-scale') === '1' && holder.style.transform !== 'none') {
    holder.style.transform = 'none';
  }
}

if (holder) {
  liftTransform();
  new MutationObserver(liftTransform).observe(holder, { attributes: true });
}
