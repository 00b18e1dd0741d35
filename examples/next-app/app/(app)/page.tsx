export default function Home() {
  return (
    <main>
      <h1>Home</h1>
      <p>Public. Everything else needs a signed-in user.</p>
    </main>
  );
}
