// Freezes everything reachable from a value, so that a later write to any of it throws: an
// analysis, once built, must never change. Maps and sets cannot be frozen, so their writing
// methods are replaced by ones that throw.

export function deepFreeze(value: unknown, seen = new Set<object>()): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v as object)) continue;
    const object = v as object;
    seen.add(object);
    // Frozen already, with everything it holds (constants shared by analyses, say).
    if (Object.isFrozen(object)) continue;
    if (object instanceof Map || object instanceof Set) {
      for (const method of ['set', 'add', 'delete', 'clear'] as const) {
        if (method in object) Object.defineProperty(object, method, { value: () => { throw new TypeError(`write to a frozen ${object.constructor.name}`); } });
      }
      for (const entry of object instanceof Map ? [...object.keys(), ...object.values()] : object) stack.push(entry);
    }
    if (object instanceof WeakMap || object instanceof WeakSet || object instanceof WeakRef) continue;
    for (const key of Reflect.ownKeys(object)) {
      const d = Object.getOwnPropertyDescriptor(object, key);
      if (d && 'value' in d) stack.push(d.value);
    }
    Object.freeze(object);
  }
}
