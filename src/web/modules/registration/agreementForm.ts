import dayjs, { type Dayjs } from 'dayjs';
import { DATE_ONLY } from './dates';
import type { Agreement, AgreementSide, UpdateAgreementBody } from './types';

/** The draft form's values: dates as dayjs for the pickers. */
export interface AgreementValues {
  title: string;
  term: [Dayjs, Dayjs];
  goals: string;
  principles: string;
  tasks: { side: AgreementSide; description: string; owner?: string | null; dueOn?: Dayjs | null }[];
  filedWith?: string | null;
  endCondition?: string | null;
}

/** An agreement as the form's starting values. */
export function toValues(a: Agreement): AgreementValues {
  return {
    title: a.title,
    term: [dayjs(a.termStart), dayjs(a.termEnd)],
    goals: a.goals,
    principles: a.principles,
    tasks: a.tasks.map((task) => ({
      side: task.side,
      description: task.description,
      owner: task.owner ?? '',
      dueOn: task.dueOn ? dayjs(task.dueOn) : null,
    })),
    filedWith: a.filedWith ?? '',
    endCondition: a.endCondition ?? '',
  };
}

const orNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** The form's values as the PATCH body (empty texts become null, dates 'YYYY-MM-DD'). */
export function toBody(v: AgreementValues): UpdateAgreementBody {
  return {
    title: v.title.trim(),
    termStart: v.term[0].format(DATE_ONLY),
    termEnd: v.term[1].format(DATE_ONLY),
    goals: v.goals ?? '',
    principles: v.principles ?? '',
    tasks: (v.tasks ?? []).map((task) => ({
      side: task.side,
      description: task.description.trim(),
      owner: orNull(task.owner),
      dueOn: task.dueOn ? task.dueOn.format(DATE_ONLY) : null,
    })),
    filedWith: orNull(v.filedWith),
    endCondition: orNull(v.endCondition),
  };
}
