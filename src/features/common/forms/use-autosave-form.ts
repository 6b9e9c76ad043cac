/**
 * A form bound to a zod schema (react-hook-form + its zod resolver) that saves itself: a short
 * pause after the last change, and only when the whole form is valid, so nothing half-valid is
 * ever written. The state it reports drives the visible "saved" marker.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { AppError } from '../../../domain/errors';

export type SaveState = 'idle' | 'saving' | 'saved' | 'invalid' | 'failed';

export interface AutosaveOptions<S extends z.ZodType<FieldValues, FieldValues>> {
  readonly schema: S;
  /** The stored values; when they change elsewhere (sync, undo) the form follows. */
  readonly values: z.input<S>;
  readonly save: (values: z.output<S>) => Promise<unknown>;
  readonly delayMs?: number;
}

export function useAutosaveForm<S extends z.ZodType<FieldValues, FieldValues>>({
  schema,
  values,
  save,
  delayMs = 600,
}: AutosaveOptions<S>) {
  // react-hook-form edits nested values in place: it gets its own copy, so what it holds while the
  // user types never leaks into the stored record that the rest of the screen reads.
  const own = useMemo(() => structuredClone(values), [values]);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues: own as DefaultValues<z.input<S>>,
    values: own,
    resetOptions: { keepDirtyValues: true },
    mode: 'onChange',
  });
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<unknown>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    await form.handleSubmit(
      async (data) => {
        setState('saving');
        try {
          await saveRef.current(data);
          setError(null);
          setState('saved');
          form.reset(form.getValues(), { keepValues: true });
        } catch (failure) {
          setError(failure);
          setState('failed');
          if (failure instanceof AppError) {
            for (const issue of failure.issues) {
              form.setError(issue.path as Path<z.input<S>>, { type: 'server', message: issue.message });
            }
          }
        }
      },
      () => setState('invalid'),
    )();
  }, [form]);

  useEffect(() => {
    const subscription = form.watch((_values, { type }) => {
      if (type !== 'change') return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
  }, [form, flush, delayMs]);

  return { form, state, error, flush };
}
