/**
 * The contract test (issue 20): the office's and a driver's day through the ingress with the
 * generated client — log in, find a customer, take an order, plan and publish a day, the driver
 * completes his stop, the dashboard counts it. It compiles only if api/openapi.json describes
 * these calls and answers as the code uses them, and it passes only if the services answer as
 * the document says (every answer's shape is checked against what the client expects to read).
 *
 *   LUCKYGAS_BASE_URL=http://localhost:8080 LUCKYGAS_ADMIN_PASSWORD=… node dist/test/contract.js
 */
import assert from "node:assert/strict";
import { luckyGasClient, type LuckyGasClient, type Problem } from "../src/index.js";

const baseUrl = process.env["LUCKYGAS_BASE_URL"] ?? "http://localhost:8080";
const adminPassword = process.env["LUCKYGAS_ADMIN_PASSWORD"];
if (!adminPassword) {
  throw new Error("set LUCKYGAS_ADMIN_PASSWORD (the stack's first admin)");
}
const run = `${Date.now()}`.slice(-7);
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Taipei" }).format(new Date());
let passed = 0;

function ok(what: string): void {
  passed++;
  console.log(`ok   ${what}`);
}

/** The answer's data, or a failure naming the problem the service answered. */
function must<T>(what: string, answer: { data?: T; error?: unknown; response: Response }): T {
  if (answer.data === undefined) {
    const problem = answer.error as Problem | undefined;
    throw new Error(`${what}: ${answer.response.status} ${problem?.title ?? ""} ${problem?.detail ?? ""} ` +
      JSON.stringify(problem?.violations ?? []));
  }
  ok(`${what} (${answer.response.status})`);
  return answer.data;
}

async function login(username: string, password: string): Promise<LuckyGasClient> {
  const api = luckyGasClient({ baseUrl });
  const tokens = must(`${username} logs in`, await api.POST("/api/auth/login", { body: { username, password } }));
  assert.ok(tokens.accessToken, "an access token");
  api.setToken(tokens.accessToken);
  return api;
}

const admin = await login("admin", adminPassword);
const officePassword = `office-password-${run}`;
must("admin creates an office user", await admin.POST("/api/auth/users", {
  body: { username: `office.ts${run}`, displayName: "櫃台", role: "OFFICE", password: officePassword },
}));
const driverId = `TS-${run}`;
must("admin creates a driver's account", await admin.POST("/api/auth/users", {
  body: { username: `driver.ts${run}`, displayName: "陳司機", role: "DRIVER", driverId, password: `driver-password-${run}` },
}));
const depot = must("admin adds a depot", await admin.POST("/api/routes/depots", {
  body: { name: `合約站${run}`, address: "臺北市中正區北平西路3號", latitude: 25.0478, longitude: 121.517 },
}));
assert.ok(depot.id, "the depot's id");
const vehicle = must("admin adds a car", await admin.POST("/api/vehicles", {
  body: { plate: `TS-${run.slice(-4)}`, kind: "CAR", capacityCylinders: 20, capacityKg: 600, depotId: depot.id },
}));
must("admin adds the driver", await admin.POST("/api/drivers", {
  body: { id: driverId, name: "陳司機", phone: "0912-000-777", vehicleId: vehicle.id, depotId: depot.id },
}));
const price = await admin.POST("/api/products/prices", { body: { productCode: "R20", validFrom: "2020-01-01", unitPrice: 800 } });
assert.ok(price.response.status === 200 || price.response.status === 201 || price.response.status === 409,
  `the R20 price (${price.response.status})`);

const office = await login(`office.ts${run}`, officePassword);
const area = `合約區${run}`;
must("office adds an area served by the depot", await office.POST("/api/customers/areas", { body: { name: area, depotId: depot.id } }));
const created = must("office adds a customer", await office.POST("/api/customers", {
  body: {
    code: `TS${run}`, shortName: `臺北合約小館${run}`, phones: ["0223001234"], address: `臺北市中正區重慶南路一段${run}號`,
    area, latitude: 25.0421, longitude: 121.5129, paymentTerm: "CASH",
  },
}));

// the phone rings: 台 typed, 臺 written
const found = must("office finds the customer by 台北合約", await office.GET("/api/customers", {
  params: { query: { q: `台北合約小館${run}` } },
}));
assert.deepEqual(found.items?.map((c) => c.id), [created.id], "the one customer, found by the folded name");
const card = must("office opens the customer card", await office.GET("/api/cards/customers/{customerId}", {
  params: { path: { customerId: created.id! } },
}));
assert.equal(card.customer?.shortName, `臺北合約小館${run}`);
assert.deepEqual(card.unavailable, [], "every part of the card answered");

const order = must("office takes an order", await office.POST("/api/orders", {
  params: { header: { "Idempotency-Key": `contract-${run}` } },
  body: { customerId: created.id!, requestedDate: today, items: [{ productCode: "R20", quantity: 2 }], paymentMethod: "CASH" },
}));
assert.equal(order.status, "PENDING");
assert.equal(order.totalAmount, 1600);

let plan = must("office plans the depot's day", await office.POST("/api/routes/plans", {
  body: { date: today, depotId: depot.id!, driverIds: [driverId], maxSolveSeconds: 2 },
}));
for (let i = 0; i < 120 && plan.status === "SOLVING"; i++) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  plan = must(`office reads the plan (${i})`, await office.GET("/api/routes/plans/{id}", { params: { path: { id: plan.id! } } }));
}
assert.equal(plan.status, "READY", `the plan is READY (${plan.failure ?? ""})`);
assert.equal(plan.unplanned, 0, "every order on a route");
const published = must("office publishes the day", await office.POST("/api/routes/plans/{id}/publish", {
  params: { path: { id: plan.id! } },
}));
assert.equal(published.plan?.status, "PUBLISHED");

const driver = await login(`driver.ts${run}`, `driver-password-${run}`);
const day = must("the driver reads his day", await driver.GET("/api/routes/my/today"));
assert.deepEqual(day.stops?.map((s) => s.orderId), [order.id], "his one stop");
must("the driver sets out", await driver.POST("/api/orders/my/start", { params: { query: { date: today } } }));
const delivered = must("the driver completes the stop", await driver.POST("/api/orders/{id}/complete", {
  params: { path: { id: order.id! }, header: { "Idempotency-Key": `complete-${run}` } },
  body: { items: [{ productCode: "R20", quantity: 2, empties: 2 }], amountCollected: 1600, paymentMethod: "CASH" },
}));
assert.equal(delivered.value, 1600);

const dashboard = must("office reads the dashboard", await office.GET("/api/reports/dashboard", {
  params: { query: { date: today } },
}));
const mine = dashboard.drivers?.find((d) => d.driverId === driverId);
assert.equal(mine?.deliveries, 1, "the dashboard counts his delivery");

const refused = await office.GET("/api/cards/customers/{customerId}", { params: { path: { customerId: 999999999 } } });
assert.equal(refused.response.status, 404);
assert.equal(refused.error?.status, 404, "a problem+json the client reads as Problem");
ok("an unknown customer's card is a 404 problem");

console.log(`contract-test: ${passed} passed`);
