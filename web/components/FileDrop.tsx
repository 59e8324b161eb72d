"use client";
/** A file input that also accepts a dropped file. The file is only read in the browser by the caller. */
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

export function FileDrop({ label, onFile, hint }: { label: string; onFile: (file: File) => void; hint?: string }) {
  const t = useTranslations("file");
  const id = useId();
  const [over, setOver] = useState(false);
  const [name, setName] = useState<string>();
  const take = (file: File | undefined) => {
    if (!file) return;
    setName(file.name);
    onFile(file);
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
        take(e.dataTransfer.files[0]);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" onChange={(e) => take(e.target.files?.[0])} aria-describedby={hint ? `${id}-hint` : undefined} />
      <p className="hint" id={`${id}-hint`}>
        {hint ?? t("dropHint")}
      </p>
      {name ? <p className="file-name">{t("chosen", { name })}</p> : null}
    </div>
  );
}
