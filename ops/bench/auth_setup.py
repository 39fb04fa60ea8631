"""Prepares an auth benchmark on a running Monocle: the bootstrap admin enrolls TOTP, creates a
tenant and a user, and the user signs in once per wrk connection. Prints JSON for auth.sh."""
import json, sys
from monocle_client import Monocle

base, admin_password, connections = sys.argv[1], sys.argv[2], int(sys.argv[3])
api = Monocle(base)
admin = api.enrolled_root(admin_password)
api.call("POST", "/api/v1/admin/tenants", {"slug": "bench", "name": "Bench"}, admin["access_token"])
user_password = "bench user walks eleven quiet miles"
api.call("POST", "/api/v1/admin/users", {"tenant": "bench", "username": "walker", "email": "walker@bench.example",
                                         "password": user_password, "roles": ["viewer"]}, admin["access_token"])
login = {"tenant": "bench", "username": "walker", "password": user_password}
grants = [api.call("POST", "/api/v1/auth/login", login) for _ in range(connections)]
print(json.dumps({"login_body": json.dumps(login), "access_token": grants[0]["access_token"],
                  "refresh_tokens": [g["refresh_token"] for g in grants]}))
