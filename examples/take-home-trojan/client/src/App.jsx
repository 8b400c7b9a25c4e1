export default function App() {
  return <h1>Crypto Portfolio</h1>;
}
