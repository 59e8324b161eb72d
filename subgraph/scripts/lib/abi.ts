/** Minimal ABI types and helpers (just what the scripts and the harness read). */

export interface AbiParam {
  name: string;
  type: string;
  indexed?: boolean;
  components?: AbiParam[];
}

export interface AbiItem {
  type: string;
  name?: string;
  inputs?: AbiParam[];
  outputs?: AbiParam[];
  stateMutability?: string;
  anonymous?: boolean;
}

/** The canonical type of a parameter (tuples expanded), as in a function or event signature. */
export function canonicalType(param: AbiParam): string {
  if (param.type.startsWith("tuple")) {
    const inner = (param.components ?? []).map(canonicalType).join(",");
    return `(${inner})${param.type.slice("tuple".length)}`;
  }
  return param.type;
}

/**
 * Whether a parameter is dynamic in the ABI encoding (encoded out of place, behind an offset): `string`, `bytes`,
 * a `T[]`, a `T[k]` of a dynamic T, or a tuple with a dynamic component.
 */
export function isDynamic(param: AbiParam): boolean {
  const array = /^(.*)\[(\d*)\]$/.exec(param.type);
  if (array) return array[2] === "" || isDynamic({ ...param, type: array[1] ?? "" });
  if (param.type === "tuple") return (param.components ?? []).some(isDynamic);
  return param.type === "string" || param.type === "bytes";
}

/** The words a parameter takes in the head of its tuple: 1 if dynamic (an offset), else its inline size. */
export function headWords(param: AbiParam): number {
  if (isDynamic(param)) return 1;
  const array = /^(.*)\[(\d+)\]$/.exec(param.type);
  if (array) return Number(array[2]) * headWords({ ...param, type: array[1] ?? "" });
  if (param.type === "tuple") return (param.components ?? []).reduce((sum, c) => sum + headWords(c), 0);
  return 1;
}

/** Whether a bool sits anywhere inside a parameter (a tuple component, an array element). */
export function holdsBool(param: AbiParam): boolean {
  const array = /^(.*)\[(\d*)\]$/.exec(param.type);
  if (array) return holdsBool({ ...param, type: array[1] ?? "" });
  if (param.type === "tuple") return (param.components ?? []).some(holdsBool);
  return param.type === "bool";
}

/** `name(type1,type2)`. */
export function signatureOf(item: AbiItem): string {
  return `${item.name ?? ""}(${(item.inputs ?? []).map(canonicalType).join(",")})`;
}

/** Reads the `abi` array of a Hardhat artifact. */
export function abiOfArtifact(json: unknown, file: string): AbiItem[] {
  if (typeof json !== "object" || json === null || !("abi" in json) || !Array.isArray(json.abi)) {
    throw new Error(`${file} is not a Hardhat artifact (no "abi" array)`);
  }
  return json.abi as AbiItem[];
}
