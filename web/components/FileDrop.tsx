"use client";
/**
 * The one way a file enters the dApp: a file input that also accepts a dropped file, hashed here in the browser
 * (sha-256, utils/hash.ts; the file never leaves the machine) with its progress shown. An empty file or one over the
 * limit every verifier applies (256 MiB, core's MAX_DOCUMENT_BYTES) is refused plainly and never hashed. Choosing
 * another file forgets the last one first (`onHashed(undefined)`), so a form never keeps the hash, or the error, of a
 * file it no longer has.
 */
import { useFormatter, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import type { Hex } from "viem";

import { MAX_DOCUMENT_BYTES } from "@government-dao/core/limits";
import { type FileProblem, fileProblem, sha256File } from "@/utils/hash";

/** A chosen file, as the forms keep it: its sha-256, media type and size (never its bytes). */
export interface HashedFile {
  hash: Hex;
  type: string;
  size: number;
}

type Hashing = { step: "idle" } | { step: "hashing"; fraction: number } | { step: "refused"; problem: FileProblem | "readFailed" } | { step: "hashed" };

export function FileDrop({ label, hint, onHashed }: { label: string; hint?: string; onHashed: (file: HashedFile | undefined) => void }) {
  const t = useTranslations("file");
  const format = useFormatter();
  const id = useId();
  const [over, setOver] = useState(false);
  const [name, setName] = useState<string>();
  const [state, setState] = useState<Hashing>({ step: "idle" });
  // Only the latest file chosen may set the state (a slow hash of an earlier one finishes late).
  const latest = useRef(0);

  const take = async (file: File | undefined) => {
    if (!file) return;
    const run = ++latest.current;
    setName(file.name);
    onHashed(undefined);
    const problem = fileProblem(file);
    if (problem) return setState({ step: "refused", problem });
    setState({ step: "hashing", fraction: 0 });
    try {
      const hash = await sha256File(file, (fraction) => {
        if (run === latest.current) setState({ step: "hashing", fraction });
      });
      if (run !== latest.current) return;
      setState({ step: "hashed" });
      onHashed({ hash, type: file.type, size: file.size });
    } catch {
      if (run === latest.current) setState({ step: "refused", problem: "readFailed" });
    }
  };
  return (
    <div
      className={`file-drop${over ? " over" : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void take(e.dataTransfer.files[0]);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" onChange={(e) => void take(e.target.files?.[0])} aria-describedby={`${id}-hint ${id}-state`} />
      <p className="hint" id={`${id}-hint`}>
        {hint ?? t("dropHint")}
      </p>
      {name ? <p className="file-name">{t("chosen", { name })}</p> : null}
      <div id={`${id}-state`} aria-live="polite">
        {state.step === "hashing" ? <p data-testid="hashing">{state.fraction > 0 ? t("hashingProgress", { fraction: state.fraction }) : t("hashing")}</p> : null}
        {state.step === "refused" ? (
          <p className="error-text" role="alert" data-file-problem={state.problem}>
            {state.problem === "tooLarge" ? t("tooLarge", { limit: format.number(MAX_DOCUMENT_BYTES / 1024 / 1024) }) : t(state.problem)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
