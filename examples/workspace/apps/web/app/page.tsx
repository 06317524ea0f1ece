export default function Home() {
  return (
    <main>
      <p>Open /tenants/&lt;tenant id&gt;/todos.</p>
    </main>
  );
}
