// The part of node-postgres (`pg`, a dependency of this package) that src/database.ts uses; the package ships no
// types and @types/pg is not installed.
declare module "pg" {
  export class Client {
    constructor(options: { connectionString: string });
    connect(): Promise<void>;
    query(sql: string, values?: readonly unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
    end(): Promise<void>;
  }
  const pg: { Client: typeof Client };
  export default pg;
}
