import type { BoardField, BoardValue } from '@/db/queries/public-projects';

const PHONE = /^[\d+][\d\- ]{4,}\d$/;

function Text({ fieldKey, text }: { fieldKey: string; text: string }) {
  // Phone numbers are links on a phone (the board is mostly read on one, standing at the notice board).
  if (/phone|contact|tel/i.test(fieldKey) && PHONE.test(text)) {
    return (
      <a href={`tel:${text.replace(/[^\d+]/g, '')}`} className="text-brand-700 underline">
        {text}
      </a>
    );
  }
  return <>{text}</>;
}

/** "item：standard" style one-liners for small objects inside a list (fee items and the like). */
function Inline({ fields }: { fields: BoardField[] }) {
  const texts = fields.filter((f) => f.value.kind === 'text') as (BoardField & { value: { kind: 'text'; text: string } })[];
  if (texts.length === fields.length && fields.some((f) => f.key === 'item')) {
    const item = texts.find((f) => f.key === 'item')!;
    const rest = texts.filter((f) => f.key !== 'item');
    return (
      <>
        <span className="font-medium">{item.value.text}</span>
        {rest.length > 0 && '：'}
        {rest.map((f, i) => (
          <span key={f.key}>
            {i > 0 && '；'}
            <Text fieldKey={f.key} text={f.value.text} />
          </span>
        ))}
      </>
    );
  }
  return <Fields fields={fields} />;
}

function Fields({ fields }: { fields: BoardField[] }) {
  return (
    <dl className="space-y-1">
      {fields.map((f) => (
        <div key={f.key} className="flex flex-wrap gap-x-2">
          <dt className="text-slate-600">{f.label}：</dt>
          <dd>
            <Value fieldKey={f.key} value={f.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Value({ fieldKey, value }: { fieldKey: string; value: BoardValue }) {
  if (value.kind === 'text') return <Text fieldKey={fieldKey} text={value.text} />;
  if (value.kind === 'fields') return <Fields fields={value.fields} />;
  return (
    <ul className="list-disc space-y-1 pl-5">
      {value.items.map((v, i) => (
        <li key={i}>{v.kind === 'fields' ? <Inline fields={v.fields} /> : <Value fieldKey={fieldKey} value={v} />}</li>
      ))}
    </ul>
  );
}

/** The items of a disclosure board (公示栏) as a description list; renders whatever keys the board has. */
export function DisclosureBoard({ items }: { items: BoardField[] }) {
  return (
    <dl className="divide-y divide-slate-200">
      {items.map((item) => (
        <div key={item.key} className="grid gap-1 py-3 sm:grid-cols-[11rem_1fr] sm:gap-4 print:break-inside-avoid print:py-1.5">
          <dt className="font-medium text-slate-700">{item.label}</dt>
          <dd className="break-words">
            <Value fieldKey={item.key} value={item.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
