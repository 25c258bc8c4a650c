import { checkDescription, DESCRIPTION_MAX_LENGTH, type ImageDraft } from '@image-message/core';
import { forwardRef, type HTMLAttributes } from 'react';
import { useComposer, useDraft } from '../ComposerContext';
import { useDraftDescription } from '../useDraftDescription';
import { cx } from './cx';
import { draftNameId } from './draftNameId';

export interface DescriptionFieldProps extends HTMLAttributes<HTMLDivElement> {
  draft?: ImageDraft;
}

/**
 * The draft's description (alt text): an optional, labelled text field ("Describe this image"), its hint,
 * and an alert while the text is too long to send (that draft is not sent until it is shortened — its
 * photo stays). The text lives in the manager with the draft (`manager.setDescription`), so it survives
 * a remount and, with a store, a reload; it is sent cleaned as `imageElem.description`. `data-state` is
 * `valid | invalid`. Read-only while the photo is prepared or sent.
 */
export const DescriptionField = /* @__PURE__ */ forwardRef<HTMLDivElement, DescriptionFieldProps>(
  function DescriptionField({ draft: draftProp, className, ...props }, ref) {
    const draft = useDraft('DescriptionField', draftProp);
    const { strings, setDescription, disabled } = useComposer('DescriptionField');
    const id = `im-draft-${draft.id}-description`;
    const { description, descriptionError } = useDraftDescription(draft);
    const value = description ?? '';
    // Only measured when the manager says it cannot be sent: the same rule, for the length it quotes.
    const check = descriptionError ? checkDescription(value) : undefined;
    const tooLong = check && !check.ok ? check : undefined;
    const editable = draft.status === 'created' || draft.status === 'failed' || draft.status === 'canceled';
    return (
      <div
        {...props}
        ref={ref}
        className={cx('im-description', className)}
        data-state={tooLong ? 'invalid' : 'valid'}
      >
        <label className="im-description__label" htmlFor={id}>
          {strings.description.label}
        </label>
        <textarea
          id={id}
          className="im-description__input"
          rows={2}
          value={value}
          disabled={disabled || !editable}
          aria-invalid={tooLong ? true : undefined}
          // Which image (its name), what the field is for, and why it is refused when it is.
          aria-describedby={[draftNameId(draft), `${id}-hint`, tooLong && `${id}-error`]
            .filter(Boolean)
            .join(' ')}
          onChange={(event) => setDescription(draft.id, event.target.value)}
        />
        <p className="im-description__hint" id={`${id}-hint`}>
          {strings.description.hint}
        </p>
        {tooLong && (
          <p role="alert" className="im-description__error" id={`${id}-error`}>
            {strings.description.tooLong({ max: DESCRIPTION_MAX_LENGTH, length: tooLong.length })}
          </p>
        )}
      </div>
    );
  },
);
