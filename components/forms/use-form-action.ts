'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent, type RefObject } from 'react';

/** What useFormAction spreads on a <form> (also passed to the step components of a multi-step form). */
export interface ActionFormProps {
  ref: RefObject<HTMLFormElement | null>;
  action: (fd: FormData) => void;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  noValidate: true;
}

type Refusable = {
  message?: unknown;
  fieldErrors?: unknown;
  fieldError?: unknown;
  conflict?: unknown;
  ok?: unknown;
  saved?: unknown;
  done?: unknown;
  published?: unknown;
};

/** A refused submit: field errors, or a message without a mark of success. */
export function isRefused(state: unknown): boolean {
  if (!state || typeof state !== 'object') return false;
  const s = state as Refusable;
  if (s.ok === false || s.conflict || s.fieldError) return true;
  if (s.fieldErrors && typeof s.fieldErrors === 'object' && Object.keys(s.fieldErrors).length > 0) return true;
  return !!s.message && !s.saved && !s.done && !s.published && s.ok !== true;
}

/**
 * The one way a plain form calls its server action (decision 026). `useActionState` as before, but with JavaScript
 * the submit goes through `onSubmit` + `startTransition`, so React 19 does not reset the form after the action: a
 * refused submit keeps every value the user typed or chose (selects included, ID numbers and passwords too, which
 * never leave the browser for that). After a submit that was not refused the form is reset, as React would.
 * Without JavaScript the form still posts to the action (`action`), and the action's echoed values refill it.
 *
 * Spread `formProps` on the <form>; pass `state` as ErrorSummary's focusKey.
 */
export function useFormAction<S extends object>(action: (prev: S, fd: FormData) => Promise<S>, initial: S) {
  const [state, formAction, pending] = useActionState<S, FormData>(action as never, initial as never);
  const ref = useRef<HTMLFormElement>(null);
  const submitted = useRef(false);
  useEffect(() => {
    if (submitted.current && !isRefused(state)) ref.current?.reset();
  }, [state]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    submitted.current = true;
    const fd = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(fd));
  };
  const formProps: ActionFormProps = { ref, action: formAction, onSubmit, noValidate: true };
  return { state, pending, formProps };
}
