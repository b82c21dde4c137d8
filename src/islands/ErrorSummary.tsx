import type { Ref } from 'preact';

export type SummaryItem = { href: string | null; message: string };

type Props = { title: string; items: SummaryItem[]; summaryRef: Ref<HTMLDivElement> };

/** The list of what to fix, above the form; each entry links to its field. */
export default function ErrorSummary({ title, items, summaryRef }: Props) {
  if (items.length === 0) return null;
  const focusTarget = (event: MouseEvent, href: string) => {
    const target = document.getElementById(href.slice(1));
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'center' });
  };
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={summaryRef}>
      <h2 class="error-summary-title">{title}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.message}>
            {item.href ? (
              <a href={item.href} onClick={(event) => item.href && focusTarget(event, item.href)}>
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
