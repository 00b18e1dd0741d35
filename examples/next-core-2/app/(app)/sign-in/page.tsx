// Clerk's <SignIn /> goes here in a real app; the example keeps the route public and simple.
export default function SignInPage() {
  return (
    <main>
      <h1>Sign in</h1>
    </main>
  );
}
