// What a PostgreSQL (or PGlite) error carries that the code branches on: the SQLSTATE
// (`23505` unique violation, `RK001` the declaratie immutability trigger, …) and the
// constraint it broke. One shape for the services and the error renderer.

export interface PgError {
  code?: string
  constraint?: string
}
