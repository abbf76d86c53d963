import type { RenderedMessage } from '../../../src-shared/smart-fields';

/**
 * What the customer will receive once the smart fields are filled in: the very text the send
 * uses (both come from renderSmartFields), and the fields that stop it, by name.
 */
export function ComposerPreview({ rendered }: { rendered: RenderedMessage }) {
  return (
    <div className="composer-preview" data-testid="composer-preview" aria-live="polite">
      <span className="composer-preview-label">The customer will read:</span>
      <p className="composer-preview-text" data-testid="composer-preview-text">
        {rendered.text}
      </p>
      {rendered.problems.length > 0 && (
        <ul className="composer-problems" data-testid="composer-field-problems" role="alert">
          {rendered.problems.map((problem) => (
            <li key={problem.field} data-field={problem.field}>
              {problem.message}: remove it or fill it in before sending.
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
