/** Longest piece of caller input any message repeats: enough to recognise it, never the whole of it. */
export const PREVIEW_LENGTH = 32;

/** The start of `text` for a message: at most `max` code points, with "…" when cut. */
export function previewText(text: string, max = PREVIEW_LENGTH): string {
  // Slicing code units first keeps this O(max) on a megabyte-long input.
  const head = [...text.slice(0, max * 2)].slice(0, max).join('');
  return head.length < text.length ? `${head}…` : head;
}

/** Longest error message a response carries; graphql-js repeats whole variable values in its own. */
export const MAX_MESSAGE_LENGTH = 300;

export function boundMessage(message: string): string {
  return message.length <= MAX_MESSAGE_LENGTH ? message : `${previewText(message, MAX_MESSAGE_LENGTH)} (truncated)`;
}
