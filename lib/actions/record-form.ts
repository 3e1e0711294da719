/**
 * The multipart filing forms of staff records (components/records/record-filing-form.tsx) as service input, and
 * the state a server action hands back to the form when it is refused.
 */
import type { RecordFilingInput, RecordUpload } from '@/lib/services/practitioner-records';

export interface RecordFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was typed, put back into the form (files must be chosen again). */
  values?: Record<string, string>;
}

const TEXT_FIELDS = ['practitionerId', 'type', 'praiseForm', 'participants', 'issuer', 'description', 'occurredOn', 'receivedOn'] as const;

async function uploads(fd: FormData, name: string): Promise<RecordUpload[]> {
  const out: RecordUpload[] = [];
  for (const f of fd.getAll(name)) {
    if (f instanceof File && f.size > 0) out.push({ bytes: new Uint8Array(await f.arrayBuffer()), filename: f.name });
  }
  return out;
}

export async function recordFormInput(fd: FormData): Promise<RecordFilingInput & { values: Record<string, string> }> {
  const values: Record<string, string> = {};
  for (const k of TEXT_FIELDS) {
    const v = fd.get(k);
    if (typeof v === 'string') values[k] = v;
  }
  return { data: { ...values }, evidence: await uploads(fd, 'evidence'), photos: await uploads(fd, 'photos'), values };
}

/** The refused result as form state. */
export function refused(result: { message: string; fieldErrors?: Record<string, string[]> }, values: Record<string, string>): RecordFormState {
  return { message: result.message, fieldErrors: result.fieldErrors, values };
}
