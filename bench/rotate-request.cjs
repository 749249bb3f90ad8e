'use strict'

// autocannon `setupRequest` for the cold targets of bench/api.ts. autocannon
// loads it by file path inside its worker thread, hence plain CommonJS.
//
// The request carries `rotation`: its paths as one '\n'-separated string (autocannon
// deep-copies the request for every connection; a string is copied by reference) and a
// cursor in a SharedArrayBuffer. Every request takes the next path. The cursor is shared
// by all connections and lives in the main thread's target, so it runs on from the
// warm-up into the measurement: no path is sent twice until the list is used up (then
// it wraps around, and bench/api.ts reports the repeats the server saw).

const lists = new WeakMap()

module.exports = function nextPath(req) {
  const { cursor, paths } = req.rotation
  let list = lists.get(cursor)
  if (list === undefined) {
    list = { counter: new Int32Array(cursor), paths: paths.split('\n') }
    lists.set(cursor, list)
  }
  req.path = list.paths[Atomics.add(list.counter, 0, 1) % list.paths.length]
  return req
}
