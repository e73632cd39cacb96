/** French messages inside an alert: one as a sentence, several as a list. */
export function Messages({ items }: { items: readonly string[] }) {
  if (items.length === 1) return <p className="fr-mb-0">{items[0]}</p>;
  return (
    <ul className="fr-mb-0">
      {items.map((text, i) => (
        <li key={i}>{text}</li>
      ))}
    </ul>
  );
}
