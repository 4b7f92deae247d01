import type { ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n/useI18n';
import { clauseNumber } from '../clauseNumber';
import type { Agreement, AgreementSide, AgreementTask } from '../types';

/**
 * The agreement as it reads on paper: the centred title, 甲方：… 乙方：…, the preamble, clauses
 * numbered 一、二、三… (goals, principles, each side's tasks, the term, the end condition, the
 * copies and where one is filed) and the two signature blocks. Printed on A4 from the print view.
 */
export function AgreementDocument({ agreement, inline = false }: { agreement: Agreement; inline?: boolean }) {
  const { t, locale, formatDate } = useI18n();
  const a = agreement;

  const tasks = (side: AgreementSide) => a.tasks.filter((task) => task.side === side);
  const taskLine = (task: AgreementTask, i: number) => {
    const meta = [
      task.owner ? t('agreement.doc.owner', { name: task.owner }) : null,
      task.dueOn ? t('agreement.doc.due', { date: formatDate(task.dueOn) }) : null,
    ].filter(Boolean);
    return (
      <p key={i} className="gj-paper__indent">
        {`${i + 1}. ${task.description}`}
        {meta.length > 0 && <span className="gj-paper__task-meta">{t('agreement.doc.taskMeta', { meta: meta.join(t('agreement.doc.metaSeparator')) })}</span>}
      </p>
    );
  };

  const clauses: { title: string; body: ReactNode }[] = [];
  if (a.goals.trim()) clauses.push({ title: t('agreement.goals'), body: <p className="gj-paper__indent">{a.goals}</p> });
  if (a.principles.trim()) clauses.push({ title: t('agreement.principles'), body: <p className="gj-paper__indent">{a.principles}</p> });
  if (tasks('a').length > 0) clauses.push({ title: t('agreement.doc.dutiesA'), body: tasks('a').map(taskLine) });
  if (tasks('b').length > 0) clauses.push({ title: t('agreement.doc.dutiesB'), body: tasks('b').map(taskLine) });
  clauses.push({
    title: t('agreement.doc.term'),
    body: <p className="gj-paper__indent">{t('agreement.doc.termText', { from: formatDate(a.termStart), to: formatDate(a.termEnd) })}</p>,
  });
  if (a.endCondition?.trim()) clauses.push({ title: t('agreement.endCondition'), body: <p className="gj-paper__indent">{a.endCondition}</p> });
  clauses.push({
    title: t('agreement.doc.other'),
    body: (
      <p className="gj-paper__indent" data-testid="print-copies">
        {a.filedWith?.trim() ? t('agreement.doc.copiesFiled', { filedWith: a.filedWith.trim() }) : t('agreement.doc.copies')}
      </p>
    ),
  });

  const blank = <span className="gj-paper__blank">&nbsp;</span>;
  const signature = (side: AgreementSide) => {
    const party = side === 'a' ? a.partyA : a.partyB;
    const signatory = side === 'a' ? a.signatoryA : a.signatoryB;
    const signedAt = side === 'a' ? a.signedAAt : a.signedBAt;
    return (
      <div data-testid={`print-signature-${side}`}>
        <p>
          {t(side === 'a' ? 'agreement.doc.sealA' : 'agreement.doc.sealB')}
          {party}
        </p>
        <p>
          {t('agreement.doc.signatory')}
          {signatory ?? blank}
        </p>
        <p>
          {t('agreement.doc.date')}
          {signedAt ? formatDate(signedAt) : t('agreement.doc.blankDate')}
        </p>
      </div>
    );
  };

  return (
    <article className={inline ? 'gj-paper gj-paper--inline' : 'gj-paper'} data-testid="agreement-document">
      <h1 className="gj-paper__title" data-testid="print-title">
        {a.title}
      </h1>
      <div className="gj-paper__parties" data-testid="print-parties">
        <p>
          {t('agreement.doc.partyA')}
          {a.partyA}
        </p>
        <p>
          {t('agreement.doc.partyB')}
          {a.partyB}
        </p>
      </div>
      <p className="gj-paper__indent">{t('agreement.doc.preamble', { a: a.partyA, b: a.partyB })}</p>
      {clauses.map((c, i) => (
        <section key={c.title}>
          <p className="gj-paper__clause">
            {clauseNumber(locale, i + 1)}
            {c.title}
          </p>
          {c.body}
        </section>
      ))}
      <div className="gj-paper__signatures">
        {signature('a')}
        {signature('b')}
      </div>
    </article>
  );
}
