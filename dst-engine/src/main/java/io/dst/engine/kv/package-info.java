/** The typed key-value space: str and dict keys of one {@code $kv} partition. */
package io.dst.engine.kv;
