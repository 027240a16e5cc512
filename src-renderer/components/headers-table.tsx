/** HTTP headers as a two-column table, names and values verbatim (as signed or received). */
export function HeadersTable({ headers }: { headers: Record<string, string> }) {
  return (
    <table className="compact headers">
      <thead>
        <tr>
          <th scope="col">Header</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(headers).map(([name, value]) => (
          <tr key={name}>
            <th scope="row"><code>{name}</code></th>
            <td><code>{value}</code></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
