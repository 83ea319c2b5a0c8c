import * as http from "node:http";
import type { AddressInfo } from "node:net";

// A fake Azure Resource Manager on 127.0.0.1 that answers as Azure documents, shaped after the REST specs' examples:
// operationalinsights 2022-10-01 TablesGet/TablesUpsert, 2020-08-01 SavedSearches (etag at the top level),
// resources locks 2016-09-01, monitor diagnosticSettings 2021-05-01-preview, authorization permissions 2022-04-01.

export interface Call {
  readonly method: string;
  readonly path: string;
  readonly apiVersion: string | null;
  readonly body?: any;
  readonly authorization?: string;
}

export interface FakeTable {
  retentionInDays: number;
  totalRetentionInDays: number;
  retentionInDaysAsDefault: boolean;
  totalRetentionInDaysAsDefault: boolean;
}

export interface FakeSavedSearch {
  etag: string;
  properties: Record<string, unknown>;
}

export interface FakeWorkspace {
  location: string;
  customerId: string;
  tables: Map<string, FakeTable>;
  savedSearches: Map<string, FakeSavedSearch>;
  locks: Map<string, { level: string; notes?: string }>;
}

export interface FakeAcs {
  location: string;
  diagnosticSettings: Map<
    string,
    {
      workspaceId?: string;
      logs: { category?: string; categoryGroup?: string; enabled: boolean }[];
      metrics: { category: string; enabled: boolean }[];
    }
  >;
}

export interface FakeArmState {
  readonly subscriptionId: string;
  readonly workspaces: Map<string, FakeWorkspace>;
  readonly acs: Map<string, FakeAcs>;
  /** Actions the caller may perform, as Microsoft.Authorization/permissions answers them. */
  actions: string[];
  /** When set, a table PATCH answers 202 and the table reads as InProgress this many times before Succeeded. */
  patchAccepted?: number;
  /** Saved-search PUTs answered 409 "Newer data exists" before one succeeds, as parallel writes meet. */
  newerDataConflicts?: number;
}

export interface FakeArm {
  readonly url: string;
  readonly state: FakeArmState;
  readonly calls: Call[];
  close(): Promise<void>;
}

export const subscriptionId = "11111111-2222-3333-4444-555555555555";
export const workspaceId = `/subscriptions/${subscriptionId}/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-shared`;
export const acsId = `/subscriptions/${subscriptionId}/resourceGroups/rg-comms/providers/Microsoft.Communication/communicationServices/acs-shared`;

/** A workspace with the three ACS tables at Azure's defaults (30 days, following the workspace). */
export function defaultWorkspace(location = "westeurope"): FakeWorkspace {
  const table = (): FakeTable => ({
    retentionInDays: 30,
    totalRetentionInDays: 30,
    retentionInDaysAsDefault: true,
    totalRetentionInDaysAsDefault: true,
  });
  return {
    location,
    customerId: "6a5e1b0e-0000-4000-8000-000000000001",
    tables: new Map([
      ["ACSCallRecordingSummary", table()],
      ["ACSCallRecordingIncomingOperations", table()],
      ["ACSBillingUsage", table()],
    ]),
    savedSearches: new Map(),
    locks: new Map(),
  };
}

const armError = (status: number, code: string, message: string) => ({ status, body: { error: { code, message } } });

const lower = (s: string) => s.toLowerCase();

function tableBody(id: string, name: string, t: FakeTable, provisioningState = "Succeeded") {
  return {
    id,
    name,
    properties: {
      schema: {
        name,
        tableType: "Microsoft",
        tableSubType: "DataCollectionRuleBased",
        columns: [],
        standardColumns: [],
        solutions: ["LogManagement"],
      },
      provisioningState,
      retentionInDays: t.retentionInDays,
      totalRetentionInDays: t.totalRetentionInDays,
      archiveRetentionInDays: t.totalRetentionInDays - t.retentionInDays,
      retentionInDaysAsDefault: t.retentionInDaysAsDefault,
      totalRetentionInDaysAsDefault: t.totalRetentionInDaysAsDefault,
      plan: "Analytics",
    },
  };
}

const savedSearchBody = (wsId: string, name: string, s: FakeSavedSearch) => ({
  id: `${wsId}/savedSearches/${name}`,
  name,
  type: "Microsoft.OperationalInsights/savedSearches",
  etag: s.etag,
  properties: s.properties,
});

let etagCounter = 0;
const nextEtag = () => `W/"datetime'2026-01-01T00%3A00%3A${String(++etagCounter).padStart(2, "0")}.0000000Z'"`;

type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

function route(state: FakeArmState, method: string, path: string, body: any): Answer {
  const sub = /^\/subscriptions\/([^/]+)/i.exec(path)?.[1];
  if (sub && lower(sub) !== lower(state.subscriptionId)) {
    return armError(404, "SubscriptionNotFound", `The subscription '${sub}' could not be found.`);
  }
  // Locks and permissions at any scope.
  const lockMatch = /^(.*)\/providers\/Microsoft\.Authorization\/locks(?:\/([^/]+))?$/i.exec(path);
  if (lockMatch) {
    const ws = state.workspaces.get(lower(lockMatch[1]));
    if (!ws) return armError(404, "ResourceNotFound", `The Resource '${lockMatch[1]}' was not found.`);
    const lockId = (n: string) => `${lockMatch[1]}/providers/Microsoft.Authorization/locks/${n}`;
    if (!lockMatch[2] && method === "GET") {
      return {
        status: 200,
        body: {
          value: [...ws.locks].map(([n, l]) => ({
            id: lockId(n),
            name: n,
            type: "Microsoft.Authorization/locks",
            properties: l,
          })),
        },
      };
    }
    const name = lockMatch[2];
    if (method === "PUT") {
      if (!state.actions.some((a) => a === "*" || /^Microsoft\.Authorization\/(\*|locks\/(\*|write))$/i.test(a))) {
        return armError(
          403,
          "AuthorizationFailed",
          "The client does not have authorization to perform action 'Microsoft.Authorization/locks/write'.",
        );
      }
      ws.locks.set(name, { level: body?.properties?.level, notes: body?.properties?.notes });
      return { status: 200, body: { id: lockId(name), name, properties: body?.properties } };
    }
    if (method === "DELETE") return { status: ws.locks.delete(name) ? 200 : 204 };
    const lock = ws.locks.get(name);
    return lock
      ? { status: 200, body: { id: lockId(name), name, properties: lock } }
      : armError(404, "LockNotFound", `The lock '${name}' could not be found.`);
  }
  const permissions = /^(.*)\/providers\/Microsoft\.Authorization\/permissions$/i.exec(path);
  if (permissions && method === "GET")
    return { status: 200, body: { value: [{ actions: state.actions, notActions: [] }] } };

  const diag = /^(.*)\/providers\/Microsoft\.Insights\/diagnosticSettings(?:\/([^/]+))?$/i.exec(path);
  if (diag) {
    const acs = state.acs.get(lower(diag[1]));
    if (!acs) return armError(404, "ResourceNotFound", `The Resource '${diag[1]}' was not found.`);
    if (!diag[2] && method === "GET") {
      return {
        status: 200,
        body: {
          value: [...acs.diagnosticSettings].map(([n, d]) => ({
            id: `${diag[1]}/providers/microsoft.insights/diagnosticSettings/${n}`,
            name: n,
            properties: d,
          })),
        },
      };
    }
  }
  const acs = state.acs.get(lower(path));
  if (acs && method === "GET") {
    return {
      status: 200,
      body: {
        id: path,
        name: path.split("/").pop(),
        location: acs.location,
        properties: { dataLocation: "Europe", hostName: `${path.split("/").pop()}.communication.azure.com` },
      },
    };
  }

  const m =
    /^(\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.OperationalInsights\/workspaces\/[^/]+)(?:\/(tables|savedSearches)(?:\/([^/]+))?)?$/i.exec(
      path,
    );
  if (!m) return armError(404, "ResourceNotFound", `The Resource '${path}' was not found.`);
  const [, wsPath, kind, name] = m;
  const ws = state.workspaces.get(lower(wsPath));
  if (!ws)
    return armError(
      404,
      "ResourceNotFound",
      `The Resource 'Microsoft.OperationalInsights/workspaces/${wsPath.split("/").pop()}' was not found.`,
    );
  if (!kind) {
    return method === "GET"
      ? {
          status: 200,
          body: {
            id: wsPath,
            name: wsPath.split("/").pop(),
            location: ws.location,
            properties: { customerId: ws.customerId, provisioningState: "Succeeded" },
          },
        }
      : armError(405, "MethodNotAllowed", "not faked");
  }
  if (lower(kind) === "tables") {
    const table = name ? ws.tables.get(name) : undefined;
    const id = `${wsPath}/tables/${name}`;
    if (!name || !table) return armError(404, "ResourceNotFound", `Table '${name}' was not found.`);
    if (method === "GET") {
      if (state.patchAccepted !== undefined && state.patchAccepted > 0) {
        state.patchAccepted--;
        return { status: 200, body: tableBody(id, name, table, "InProgress") };
      }
      return { status: 200, body: tableBody(id, name, table) };
    }
    if (method === "PATCH") {
      const p = body?.properties ?? {};
      if (typeof p.retentionInDays === "number")
        Object.assign(table, { retentionInDays: p.retentionInDays, retentionInDaysAsDefault: false });
      if (typeof p.totalRetentionInDays === "number")
        Object.assign(table, { totalRetentionInDays: p.totalRetentionInDays, totalRetentionInDaysAsDefault: false });
      if (state.patchAccepted !== undefined)
        return { status: 202, headers: { "azure-asyncoperation": "https://management.azure.com/elsewhere" } };
      return { status: 200, body: tableBody(id, name, table) };
    }
    // Built-in tables are updated only: Azure creates them with the workspace and refuses to delete them.
    if (method === "DELETE")
      return armError(400, "InvalidParameter", `Table '${name}' is a built-in table and cannot be deleted.`);
    return armError(405, "MethodNotAllowed", "not faked");
  }
  // savedSearches
  if (!name) {
    return method === "GET"
      ? { status: 200, body: { value: [...ws.savedSearches].map(([n, s]) => savedSearchBody(wsPath, n, s)) } }
      : armError(405, "MethodNotAllowed", "");
  }
  const existing = ws.savedSearches.get(name);
  if (method === "GET")
    return existing
      ? { status: 200, body: savedSearchBody(wsPath, name, existing) }
      : armError(404, "ResourceNotFound", `Saved search '${name}' was not found.`);
  if (method === "PUT") {
    if (state.newerDataConflicts) {
      state.newerDataConflicts--;
      return armError(409, "Conflict", "Newer data exists in the Customer Configuration Store.");
    }
    // An existing saved search is overwritten only with etag "*" or its current etag (MicrosoftDocs/azure-docs#49275).
    if (existing && body?.etag !== "*" && body?.etag !== existing.etag) {
      return armError(
        409,
        "Conflict",
        "Newer data exists in the Customer Configuration Store. Supply the current etag, or '*'.",
      );
    }
    const saved = { etag: nextEtag(), properties: body?.properties ?? {} };
    ws.savedSearches.set(name, saved);
    return { status: 200, body: savedSearchBody(wsPath, name, saved) };
  }
  if (method === "DELETE") {
    const lock = [...ws.locks].find(([, l]) => l.level === "CanNotDelete" || l.level === "ReadOnly");
    if (lock) {
      return armError(
        409,
        "ScopeLocked",
        `The scope '${wsPath}/savedSearches/${name}' cannot perform delete operation because following scope(s) are locked: '${wsPath}'. Please remove the lock and try again.`,
      );
    }
    ws.savedSearches.delete(name);
    return { status: 200 };
  }
  return armError(405, "MethodNotAllowed", "not faked");
}

export async function startFakeArm(
  init: Partial<Pick<FakeArmState, "actions">> & {
    workspaces?: Record<string, FakeWorkspace>;
    acs?: Record<string, FakeAcs>;
  } = {},
): Promise<FakeArm> {
  const state: FakeArmState = {
    subscriptionId,
    workspaces: new Map(
      Object.entries(init.workspaces ?? { [workspaceId]: defaultWorkspace() }).map(([k, v]) => [lower(k), v]),
    ),
    acs: new Map(Object.entries(init.acs ?? {}).map(([k, v]) => [lower(k), v])),
    actions: init.actions ?? ["*"],
  };
  const calls: Call[] = [];
  const server = http.createServer((req, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const body = text ? JSON.parse(text) : undefined;
      calls.push({
        method: req.method ?? "",
        path: url.pathname,
        apiVersion: url.searchParams.get("api-version"),
        ...(body !== undefined ? { body } : {}),
        authorization: req.headers.authorization,
      });
      const answer = route(state, req.method ?? "GET", decodeURIComponent(url.pathname), body);
      res.writeHead(answer.status, { "Content-Type": "application/json", ...(answer.headers ?? {}) });
      res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The calls as "METHOD path" lines, for exact assertions. */
export const callLines = (calls: readonly Call[]) => calls.map((c) => `${c.method} ${c.path}`);
