import type { Appointment, Conversation, Lead, LeadDetail } from '../../../src-shared';
import type { Statements } from '../statements';

export function leadDetail(statements: Statements, leadId: string): LeadDetail | null {
  const row = statements
    .get('SELECT n, doc FROM leads WHERE n = (SELECT n FROM lead_numbers WHERE id = ?)')
    .get(leadId) as { n: number; doc: string } | undefined;
  if (!row) return null;
  const docs = (sql: string) =>
    (statements.get(sql).pluck().all(row.n) as string[]).map((doc) => JSON.parse(doc) as unknown);
  return {
    lead: JSON.parse(row.doc) as Lead,
    conversations: docs(
      'SELECT doc FROM conversations WHERE lead_n = ? ORDER BY created_at, id',
    ) as Conversation[],
    appointments: docs(
      'SELECT doc FROM appointments WHERE lead_n = ? ORDER BY starts_at, id',
    ) as Appointment[],
  };
}
