'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions/result';
import { hookFormItems, summaryItems, useSummary } from './error-summary';
import { applyFieldErrors } from './field';

/**
 * A react-hook-form form sent to a server action: the pending state, the message after the answer, and the GOV.UK
 * error summary of what the last refused submit found (the browser's checks or the server's). On success the page
 * is refreshed and `done` says what happened; on refusal the server's field errors go to their fields.
 */
export function useHookFormSubmit<In extends FieldValues, Out>(form: UseFormReturn<In, unknown, Out>) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; tone: 'error' | 'success' } | null>(null);
  const summary = useSummary();
  const submit = <T>(action: (values: Out) => Promise<ActionResult<T>>, done: (data: T) => string) =>
    form.handleSubmit(
      (values) =>
        startTransition(async () => {
          const r = await action(values);
          if (r.ok) {
            setMessage({ text: done(r.data), tone: 'success' });
            router.refresh();
          } else {
            applyFieldErrors(r.fieldErrors, form.setError);
            summary.show(summaryItems(r.fieldErrors));
            setMessage({ text: r.message, tone: 'error' });
          }
        }),
      (e) => summary.show(hookFormItems(e)),
    );
  return { pending, message, summary, submit };
}
