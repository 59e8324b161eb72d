/**
 * Untrusted text made safe to print on a terminal. A proposal's title or rationale, a revocation reason, an agency
 * name or a revert string comes from the chain, i.e. from anyone: printed raw, an ANSI escape in it can move the
 * cursor up and overwrite the lines above (the decoded actions), conceal text, or retitle the window; a carriage
 * return or a newline can forge a status line; a Unicode bidi control can make text read in another order
 * ("Trojan Source"). {@link terminalSafe} shows every such character visibly instead, as `\x1b` or `\u202e`.
 *
 * Escaped: C0 controls U+0000–U+001F (newline and tab too), DEL U+007F, C1 controls U+0080–U+009F (U+009B is a
 * one-character CSI on some terminals), the bidi controls U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, and
 * the line and paragraph separators U+2028, U+2029. Everything else (Cyrillic, Kazakh, emoji) is kept as it is.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The characters JSON.stringify leaves raw but a terminal acts on (it escapes C0 itself). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `\x1b` for a character below U+0100, `\u202e` above. */
const visible = (c: string): string => {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};
const asJsonEscape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** `text` on one line with every control, DEL, C1 and bidi character shown as an escape (`\x1b`, `\n`→`\x0a`, `\u202e`). */
export const terminalSafe = (value: unknown): string => String(value).replace(UNSAFE, visible);

/**
 * Multi-line untrusted text (a rationale): split at its newlines (`\n` or `\r\n`), each line escaped like
 * {@link terminalSafe} (a lone `\r` stays visible), so it can be printed indented line by line.
 */
export const terminalLines = (value: unknown): string[] => String(value).split(/\r?\n/).map(terminalSafe);

/**
 * The last line of defence, for whole output lines the CLI has assembled: escapes what {@link terminalSafe} does
 * except the newline (a line may hold several on purpose). Untrusted values are escaped where they are printed;
 * this catches any that were missed, so no raw ESC, CR or bidi control ever reaches the terminal.
 */
export const terminalOutput = (line: string): string => line.replace(UNSAFE_BUT_NEWLINE, visible);

/**
 * JSON text for `--json` output: JSON.stringify escapes the C0 controls itself; this also writes DEL, the C1 and the
 * bidi controls as `\uXXXX` escapes, so the output is the same JSON value and has no raw terminal control in it.
 */
export const jsonSafe = (value: unknown, replacer?: (key: string, value: unknown) => unknown, space: number = 2): string =>
  (JSON.stringify(value, replacer, space) ?? "null").replace(UNSAFE_IN_JSON, asJsonEscape);
