"""Prepares the catalog benchmark on a running Monocle: tenant 'bench' with an editor and a viewer,
and FRAMES frames imported in batches of 10,000 through the import endpoint (timed). Prints JSON
for catalog.sh: the viewer's token, one frame id, and the import figures."""
import json, random, sys, time
from monocle_client import Monocle

base, admin_password, frames = sys.argv[1], sys.argv[2], int(sys.argv[3])
api = Monocle(base)
admin = api.enrolled_root(admin_password)["access_token"]
api.call("POST", "/api/v1/admin/tenants", {"slug": "bench", "name": "Bench"}, admin)
password = "bench staff count eleven quiet frames"
for name, role in (("editor", "catalog_editor"), ("viewer", "viewer")):
    api.call("POST", "/api/v1/admin/users", {"tenant": "bench", "username": name, "email": name + "@bench.example",
                                             "password": password, "roles": [role]}, admin)
editor = api.call("POST", "/api/v1/auth/login", {"tenant": "bench", "username": "editor", "password": password})
viewer = api.call("POST", "/api/v1/auth/login", {"tenant": "bench", "username": "viewer", "password": password})

rng = random.Random(7)
shapes = ["round", "square", "rectangular", "oval", "aviator", "cat_eye", "wayfarer", "browline", "geometric", "oversized"]
materials = ["acetate", "metal", "titanium", "stainless_steel", "plastic", "nylon", "wood", "carbon_fiber"]
brands = ["Lumen", "Northwind", "Atelier Verre", "Kestrel", "Solstice", "Harbor Pine", "Monolith", "Vista Nova",
          "Aurora", "Bellwether", "Cobalt", "Drift"]
words = ["Aria", "Bolt", "Cleo", "Dune", "Echo", "Fable", "Grove", "Halo", "Iris", "Juno", "Kai", "Luna", "Milo",
         "Nova", "Orla", "Pax", "Quill", "Rhea", "Sol", "Tova"]
colors = ["black", "tortoise", "gold", "silver", "clear", "navy", "pink", "olive", "gunmetal", "honey"]


def frame(i):
    lens = 44 + rng.randrange(16)
    bridge = 14 + rng.randrange(8)
    shape = rng.choice(shapes)
    material = rng.choice(materials)
    brand = rng.choice(brands)
    model = rng.choice(words) + " " + str(100 + rng.randrange(900))
    return {
        "sku": "B-%06d" % i, "name": brand + " " + model, "brand": brand, "model": model,
        "description": "A %s frame in %s %s, light and comfortable." % (shape.replace("_", " "), rng.choice(colors), material.replace("_", " ")),
        "frame_type": rng.choice(["prescription", "prescription", "sunglasses", "blue_light", "reading", "sports"]),
        "shape": shape, "rim": rng.choice(["full_rim", "semi_rimless", "rimless"]), "material": material,
        "color": rng.choice(colors), "gender": rng.choice(["men", "women", "unisex", "kids"]),
        "measurements": {"lens_width_mm": lens, "lens_height_mm": max(15, round(lens * (0.55 + rng.random() * 0.35))),
                         "bridge_width_mm": bridge, "temple_length_mm": 135 + 5 * rng.randrange(3),
                         "frame_width_mm": min(180, 2 * lens + bridge + 6 + rng.randrange(5)), "weight_g": 12 + rng.randrange(25)},
        "price": {"amount": 40 + rng.randrange(260) + 0.99, "currency": "EUR"},
        "stock": 0 if rng.random() < 0.1 else rng.randrange(1, 50),
        "status": "draft" if rng.random() < 0.05 else "active",
        "images": ["https://images.example.com/bench/%d.jpg" % i], "tags": [shape, material],
    }


started = time.time()
batch = 10000
for start in range(0, frames, batch):
    rows = [frame(i) for i in range(start, min(frames, start + batch))]
    report = api.call("POST", "/api/v1/catalog/frames:import", token=editor["access_token"],
                      raw=json.dumps(rows).encode())
    assert report["created"] == len(rows), report
seconds = time.time() - started
one = api.call("GET", "/api/v1/catalog/frames?limit=1&status=active", token=viewer["access_token"])["items"][0]
print(json.dumps({"access_token": viewer["access_token"], "frame_id": one["id"],
                  "import_seconds": round(seconds, 1), "import_rows_per_second": round(frames / seconds)}))
