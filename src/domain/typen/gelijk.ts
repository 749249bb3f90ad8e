// Compile-time proof that two types are the same. Each schema module states, with these,
// that its TypeBox schema describes exactly the domain type it validates: a field added,
// dropped or made optional on one side only fails the type check.

/** true when A and B are identical, not merely assignable either way (an extra optional field counts). */
export type Gelijk<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

/** Accepts only a list of `true`s: one entry per schema/domain pair. */
export type AllemaalWaar<T extends readonly true[]> = T
