import { axeViolations, chatWithEverything, prefersDark } from './support/accessibility';
import { expect, test } from './support/fixtures';

test('the demo has no axe violations with a sent message, a draft and a rejection (light)', async ({
  as,
}) => {
  const page = await chatWithEverything(as);
  expect(await prefersDark(page)).toBe(false);
  expect(await axeViolations(page)).toEqual([]);
});
