"""One office desk, as a process of its own, for the several-desks test: it opens the office's
data folder (its own file, or the shared server the folder names), then imports every bundle
given (in its own order), issues numbers from the register and edits one person, and prints
one JSON line of what it did.

    python desk_worker.py DATA_DIR PASSPHRASE PERSON_ID SEED NUMBERS EDITS BUNDLE...
"""

from __future__ import annotations

import json
import random
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from dvdesk.domain.forms import DocType
from dvdesk.services import exchange, person_form, register
from dvdesk.services.concurrency import ChangedMeanwhile
from dvdesk.services.setup import install_info, open_data_dir

ISSUED_ON = date(2026, 11, 27)


def main(argv: list[str]) -> int:
    data_dir, passphrase, person_id, seed, numbers, edits, *bundles = argv
    rng = random.Random(int(seed))
    db = open_data_dir(Path(data_dir))
    done: dict[str, object] = {"imported": [], "already": 0, "numbers": [], "saved": [], "told": 0}
    try:
        info = install_info(db)
        assert info is not None
        order = [Path(b) for b in bundles]
        rng.shuffle(order)
        work = ["import"] * len(order) + ["number"] * int(numbers) + ["edit"] * int(edits)
        rng.shuffle(work)
        for step in work:
            if step == "import":
                [result] = exchange.import_bundles(db, [order.pop()], passphrase)
                assert result.ok, result.message
                if result.status == "already":
                    done["already"] = int(done["already"]) + 1  # type: ignore[call-overload]
                else:
                    done["imported"].append(result.bundle_id)  # type: ignore[attr-defined]
            elif step == "number":
                with db.unit_of_work() as session:
                    issued = register.issue(
                        session, info.unit_id, DocType.RESOLUTION, ISSUED_ON, subject=f"w{seed}"
                    )
                done["numbers"].append(issued.number)  # type: ignore[attr-defined]
            else:
                started = person_form.person_input(db, person_id)
                while True:
                    time.sleep(rng.random() * 0.02)  # typing: another desk may save meanwhile
                    mine = f"Bàn {seed}, lần {len(done['saved'])}"  # type: ignore[arg-type]
                    try:
                        person_form.save_person(
                            db, person_id, replace(started, residence=mine), f"desk{seed}", started
                        )
                    except ChangedMeanwhile as exc:
                        done["told"] = int(done["told"]) + 1  # type: ignore[call-overload]
                        started = exc.current
                        continue
                    done["saved"].append(mine)  # type: ignore[attr-defined]
                    break
    finally:
        db.close()
    print(json.dumps(done, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
