import { useState } from "react";
import { TodoList } from "./components/TodoList";
import { useTodos } from "./store";

export default function App() {
  const [text, setText] = useState("");
  const add = useTodos((s) => s.add);
  return (
    <div className="app">
      <form onSubmit={(e) => { e.preventDefault(); add(text); setText(""); }}>
        <input value={text} onChange={(e) => setText(e.target.value)} />
      </form>
      <TodoList />
    </div>
  );
}
