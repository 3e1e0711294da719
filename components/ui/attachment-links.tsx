/** Files kept with a record or case, each a link through the scoped attachment route (which checks who may open it). */
export function AttachmentLinks({ files }: { files: { id: string; filename: string }[] }) {
  return (
    <ul>
      {files.map((f) => (
        <li key={f.id}>
          <a href={`/attachments/${f.id}`} className="text-brand-800 underline">
            {f.filename}
          </a>
        </li>
      ))}
    </ul>
  );
}
