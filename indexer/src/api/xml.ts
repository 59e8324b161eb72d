// Options of every XML document the API writes (exports in formats.ts, feeds in feed-xml.ts). Whatever the chain
// holds, the XML is well-formed: characters XML 1.0 cannot carry (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F,
// U+FFFE, U+FFFF, lone surrogates) become U+FFFD; the JSON answers keep them exact. xmlbuilder2 escapes the rest.

/** The replacement of a character XML 1.0 cannot carry. */
export const XML_REPLACEMENT = "\uFFFD";
export const XML_OPTIONS = { version: "1.0", encoding: "UTF-8", invalidCharReplacement: XML_REPLACEMENT } as const;
