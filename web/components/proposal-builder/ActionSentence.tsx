"use client";
/** One decoded action as a sentence in the reader's language, with the contract call it makes. */
import { useActionSentence } from "@/hooks/useActionSentence";
import type { DecodedAction } from "@government-dao/core/actions/decode";

export function ActionSentence({ decoded }: { decoded: DecodedAction }) {
  const sentence = useActionSentence();
  return (
    <>
      <span className="action-sentence">{sentence(decoded)}</span>
      {decoded.kind === "decoded" ? (
        <>
          {" "}
          <code className="action-call">{`${decoded.contract}.${decoded.functionName}`}</code>
        </>
      ) : null}
    </>
  );
}
