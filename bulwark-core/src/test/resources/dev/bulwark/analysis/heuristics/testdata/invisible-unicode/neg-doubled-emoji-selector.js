// arrow keys: ⬆️ ⬇️️ ➡️
export const keys = ['ArrowUp', 'ArrowDown'];
