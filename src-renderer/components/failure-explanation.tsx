/**
 * A failure's meaning and next action as visible text, not a hover title: a keyboard or
 * touch user, and anyone reading a screenshot, needs them as much as a mouse user does.
 */
import { explainResultCode, type CodeField, type KnowledgeScope } from '../../src-shared/knowledge';

export function FailureExplanation({ code, scope, field, lead }: { code: string; scope?: KnowledgeScope | undefined; field?: CodeField; lead?: string }) {
  const explanation = explainResultCode(code, scope, field);
  return (
    <div className="failure-explanation" role="note" aria-label={`What ${code} means`}>
      <p>
        {lead ? <>{lead} </> : null}
        <code>{code}</code>: {explanation.meaning}
      </p>
      <p>
        <strong>Next:</strong> {explanation.nextAction}
      </p>
    </div>
  );
}
