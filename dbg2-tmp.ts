import path from 'node:path';
import { openWarehouse } from './src/main/backend/db/open';
const db = openWarehouse(path.join(process.argv[2]!, 'w.sqlite'));
console.log(db.prepare('SELECT * FROM fct_inventory_daily EXCEPT SELECT * FROM snap_inv LIMIT 10').all());
console.log(db.prepare("SELECT sku, min(moved_at), max(moved_at), count(*) FROM stg_inventory_movements WHERE sku IN (SELECT sku FROM (SELECT * FROM fct_inventory_daily EXCEPT SELECT * FROM snap_inv)) GROUP BY sku").all());
console.log(db.prepare("SELECT max(date_key) FROM snap_inv").all());
