// A map that an edit changes in a few keys, made from the map before it without copying every
// entry: the changes sit in layers over a shared base, newest last, and are joined into one
// layer when there are several, and into a new base when they hold more than a fraction of
// the base's keys (a copy then, whose cost is shared among the many edits before it). Nothing
// here is changed once made.

/** Layers looked through before the base: each lookup of a key not changed passes every one. */
const MAX_LAYERS = 4;

/** A key mapped to `REMOVED` in a layer is not in the map. */
const REMOVED = Symbol('removed');

export class LayeredMap<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly layers: readonly ReadonlyMap<K, V | typeof REMOVED>[],
  ) {}

  static of<K, V>(base: ReadonlyMap<K, V>): LayeredMap<K, V> {
    return new LayeredMap(base, []);
  }

  get(key: K): V | undefined {
    for (let k = this.layers.length - 1; k >= 0; k--) {
      const value = this.layers[k].get(key);
      if (value !== undefined) return value === REMOVED ? undefined : value;
    }
    return this.base.get(key);
  }

  /** This map with each key of `changes` set to its value, or removed where the value is undefined. */
  with(changes: ReadonlyMap<K, V | undefined>): LayeredMap<K, V> {
    if (changes.size === 0) return this;
    const layer = new Map<K, V | typeof REMOVED>();
    for (const [key, value] of changes) layer.set(key, value === undefined ? REMOVED : value);
    let layers = [...this.layers, layer];
    if (layers.length > MAX_LAYERS) {
      const joined = new Map<K, V | typeof REMOVED>();
      for (const l of layers) for (const [key, value] of l) joined.set(key, value);
      if (joined.size > Math.max(64, this.base.size >> 3)) return new LayeredMap(this.flattened(joined), []);
      layers = [joined];
    }
    return new LayeredMap(this.base, layers);
  }

  private flattened(joined: ReadonlyMap<K, V | typeof REMOVED>): Map<K, V> {
    const base = new Map(this.base);
    for (const [key, value] of joined) {
      if (value === REMOVED) base.delete(key);
      else base.set(key, value);
    }
    return base;
  }
}
