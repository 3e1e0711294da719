'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { formObject } from '@/lib/actions/form-data';
import { getActor } from '@/lib/auth/actor';
import type { ScheduleItem } from '@/lib/domain/holiday-schedule';
import { previewHolidayCalendar, saveHolidayCalendar } from '@/lib/services/holiday-calendar';

export interface CalendarFormState {
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What was sent, to refill the form. */
  values?: { year: string; source: string; schedule: string; baseVersion: string };
  preview?: { year: number; items: ScheduleItem[]; holidayDays: number; workdays: number };
  saved?: { year: number; version: number };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** 预览 checks the entry and shows it; 确认保存 (after a preview) saves it. The service authorizes both. */
export async function holidayCalendarAction(_prev: CalendarFormState, fd: FormData): Promise<CalendarFormState> {
  const actor = await getActor();
  if (!actor) return { message: '登录已失效，请重新登录。' };
  const o = formObject(fd);
  const values = { year: str(o.year), source: str(o.source), schedule: str(o.schedule), baseVersion: str(o.baseVersion) };
  if (o.intent === 'save') {
    const r = await saveHolidayCalendar(getDb(), actor, values);
    if (!r.ok) return { message: r.message, fieldErrors: r.fieldErrors, values };
    revalidatePath('/bureau/calendar');
    revalidatePath('/bureau');
    return { saved: r.data };
  }
  const r = await previewHolidayCalendar(actor, values);
  if (!r.ok) return { message: r.message, fieldErrors: r.fieldErrors, values };
  return { preview: r.data, values };
}
