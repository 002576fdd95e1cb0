import { boughtTogether } from './src/main/backend/ml/recommend/bought-together';
import { transactionsFromLists } from './src/main/backend/ml/basket/transactions';
import { simulatePurchases } from './src/main/backend/ml/recommend/simulate';
const sim = simulatePurchases({ users: 100_000, items: 5_000, groups: 50, meanLines: 10, days: 365, seed: 1 });
let t = performance.now();
const lap = (l: string) => { const n = performance.now(); console.log(l, (n - t).toFixed(0)); t = n; };
const lists: number[][] = [];
const key = new Map<number, number>();
for (let k = 0; k < sim.users.length; k += 1) { const id = sim.users[k]! * 400 + sim.days[k]!; let b = key.get(id); if (b === undefined) { b = lists.length; key.set(id, b); lists.push([]); } lists[b]!.push(sim.items[k]!); }
console.log('baskets', lists.length); lap('group');
const tx = transactionsFromLists(lists, 5000); lap('tx');
boughtTogether(tx, { k: 50, minCommon: 2 }); lap('together');
