/**
 * An in-memory entity store that enforces what graph-node's store enforces on `store.set`, read from
 * schema.graphql: the entity type exists; every key is a field of it (not a derived one); each value has the
 * field's type (scalar kind, enum value, list); every non-null field is present after the merge with the stored
 * entity; the `id` matches; an immutable entity is never changed in a later block. References between entities
 * are not checked on write (graph-node does not either); `danglingReferences()` checks them for the tests.
 */
import { readFileSync } from "node:fs";

import {
  type FieldDefinitionNode,
  Kind,
  type ObjectTypeDefinitionNode,
  type TypeNode,
  parse,
} from "graphql";

import type { StoreValue } from "./memory.js";

interface FieldInfo {
  name: string;
  base: string;
  list: boolean;
  required: boolean;
  derived: boolean;
}

interface EntityInfo {
  name: string;
  immutable: boolean;
  fields: Map<string, FieldInfo>;
}

const SCALAR_KINDS: Record<string, StoreValue["kind"]> = {
  ID: "String",
  String: "String",
  Bytes: "Bytes",
  BigInt: "BigInt",
  BigDecimal: "BigDecimal",
  Int: "Int",
  Int8: "Int8",
  Boolean: "Bool",
  Timestamp: "Timestamp",
};

/** A plain JavaScript view of an entity for assertions: Bytes as 0x-hex, BigInt as bigint, lists as arrays. */
export type Plain = string | number | boolean | bigint | null | Plain[];
export type PlainEntity = Record<string, Plain>;

export const toPlain = (value: StoreValue): Plain => {
  switch (value.kind) {
    case "Null":
      return null;
    case "Array":
      return value.value.map(toPlain);
    default:
      return value.value;
  }
};

function unwrap(type: TypeNode): { base: string; list: boolean; required: boolean } {
  let required = false;
  let list = false;
  let node = type;
  if (node.kind === Kind.NON_NULL_TYPE) {
    required = true;
    node = node.type;
  }
  if (node.kind === Kind.LIST_TYPE) {
    list = true;
    node = node.type;
    if (node.kind === Kind.NON_NULL_TYPE) node = node.type;
  }
  if (node.kind !== Kind.NAMED_TYPE) throw new Error("nested lists are not supported");
  return { base: node.name.value, list, required };
}

/** The entity types and enums of a schema.graphql. */
export class Schema {
  readonly entities = new Map<string, EntityInfo>();
  readonly enums = new Map<string, Set<string>>();

  constructor(file: string) {
    const document = parse(readFileSync(file, "utf8"));
    for (const def of document.definitions) {
      if (def.kind === Kind.ENUM_TYPE_DEFINITION) {
        this.enums.set(def.name.value, new Set((def.values ?? []).map((v) => v.name.value)));
      }
      if (def.kind === Kind.OBJECT_TYPE_DEFINITION) this.addEntity(def);
    }
  }

  private addEntity(def: ObjectTypeDefinitionNode): void {
    const directive = def.directives?.find((d) => d.name.value === "entity");
    if (!directive) return;
    const immutableArg = directive.arguments?.find((a) => a.name.value === "immutable");
    const immutable = immutableArg?.value.kind === Kind.BOOLEAN && immutableArg.value.value;
    const fields = new Map<string, FieldInfo>();
    for (const field of def.fields ?? ([] as readonly FieldDefinitionNode[])) {
      const { base, list, required } = unwrap(field.type);
      const derived = (field.directives ?? []).some((d) => d.name.value === "derivedFrom");
      fields.set(field.name.value, { name: field.name.value, base, list, required, derived });
    }
    this.entities.set(def.name.value, { name: def.name.value, immutable, fields });
  }
}

interface Stored {
  data: Map<string, StoreValue>;
  block: number;
}

/** The store, with the schema checks of graph-node. */
export class EntityStore {
  private tables = new Map<string, Map<string, Stored>>();

  constructor(readonly schema: Schema) {}

  private table(type: string): Map<string, Stored> {
    let table = this.tables.get(type);
    if (!table) {
      table = new Map();
      this.tables.set(type, table);
    }
    return table;
  }

  private info(type: string): EntityInfo {
    const info = this.schema.entities.get(type);
    if (!info) throw new Error(`store: unknown entity type "${type}"`);
    return info;
  }

  get(type: string, id: string): Map<string, StoreValue> | undefined {
    this.info(type);
    const stored = this.table(type).get(id);
    return stored ? new Map(stored.data) : undefined;
  }

  /** The block in which the entity was last written, or undefined. */
  writtenIn(type: string, id: string): number | undefined {
    return this.table(type).get(id)?.block;
  }

  set(type: string, id: string, data: Map<string, StoreValue>, block: number): void {
    const info = this.info(type);
    const where = `${type} "${id}"`;
    const idValue = data.get("id");
    if (idValue && (idValue.kind !== "String" || idValue.value !== id)) {
      throw new Error(`store.set: ${where} has a different id field (${JSON.stringify(toPlain(idValue))})`);
    }
    for (const [key, value] of data) this.checkValue(info, where, key, value);
    const existing = this.table(type).get(id);
    if (existing && info.immutable && existing.block !== block) {
      throw new Error(`store.set: ${where} is immutable and was written in block ${existing.block}`);
    }
    const merged = new Map(existing?.data ?? []);
    for (const [key, value] of data) merged.set(key, value);
    merged.set("id", { kind: "String", value: id });
    for (const field of info.fields.values()) {
      if (field.derived || !field.required) continue;
      const value = merged.get(field.name);
      if (!value || value.kind === "Null") throw new Error(`store.set: ${where} is missing required field "${field.name}"`);
    }
    this.table(type).set(id, { data: merged, block });
  }

  remove(type: string, id: string): void {
    this.info(type);
    this.table(type).delete(id);
  }

  private checkValue(info: EntityInfo, where: string, key: string, value: StoreValue): void {
    const field = info.fields.get(key);
    if (!field) throw new Error(`store.set: ${where} has no field "${key}" in the schema`);
    if (field.derived) throw new Error(`store.set: ${where} sets derived field "${key}"`);
    if (value.kind === "Null") {
      if (field.required) throw new Error(`store.set: ${where} sets required field "${key}" to null`);
      return;
    }
    if (field.list) {
      if (value.kind !== "Array") throw new Error(`store.set: ${where}.${key} must be a list, got ${value.kind}`);
      for (const item of value.value) this.checkScalar(where, field, item);
      return;
    }
    this.checkScalar(where, field, value);
  }

  private checkScalar(where: string, field: FieldInfo, value: StoreValue): void {
    const scalar = SCALAR_KINDS[field.base];
    const enumValues = this.schema.enums.get(field.base);
    const expected: StoreValue["kind"] = scalar ?? "String"; // enums and references (all ids are ID) are strings
    if (value.kind !== expected) {
      throw new Error(`store.set: ${where}.${field.name} must be ${field.base} (${expected}), got ${value.kind}`);
    }
    if (enumValues && value.kind === "String" && !enumValues.has(value.value)) {
      throw new Error(`store.set: ${where}.${field.name} = "${value.value}" is not a value of enum ${field.base}`);
    }
  }

  // ─── For the tests ────────────────────────────────────────────────────────────────────────────────────────

  /** The entity as a plain object, or undefined. */
  entity(type: string, id: string): PlainEntity | undefined {
    const data = this.get(type, id);
    if (!data) return undefined;
    return Object.fromEntries([...data].map(([k, v]) => [k, toPlain(v)]));
  }

  /** Every entity of `type`, as plain objects sorted by id. */
  all(type: string): PlainEntity[] {
    this.info(type);
    return [...this.table(type).keys()]
      .sort()
      .map((id) => this.entity(type, id))
      .filter((e): e is PlainEntity => e !== undefined);
  }

  count(type: string): number {
    return this.table(type).size;
  }

  /** A deep copy of the whole store (for rollback and before/after comparisons). */
  snapshot(): Map<string, Map<string, Stored>> {
    return structuredClone(this.tables);
  }

  restore(snapshot: Map<string, Map<string, Stored>>): void {
    this.tables = structuredClone(snapshot);
  }

  /** Fields that name an entity id the store does not hold ("Type.field of id → missing id"). */
  danglingReferences(): string[] {
    const problems: string[] = [];
    for (const [type, table] of this.tables) {
      const info = this.info(type);
      for (const [id, stored] of table) {
        for (const [key, value] of stored.data) {
          const field = info.fields.get(key);
          if (!field || !this.schema.entities.has(field.base) || key === "id") continue;
          const targets = value.kind === "Array" ? value.value : [value];
          for (const target of targets) {
            if (target.kind !== "String") continue;
            if (!this.table(field.base).has(target.value)) problems.push(`${type}.${key} of ${id} → missing ${field.base} ${target.value}`);
          }
        }
      }
    }
    return problems;
  }
}
