"""Set-up of the translation benchmark: signs the bootstrap admin in and creates two API keys in
tenant platform, one with scope translate (the client) and one with decoder:node (the coordinator
calling decoder nodes). Prints them as JSON."""
import json, sys

from monocle_client import Monocle

monocle = Monocle(sys.argv[1])
root = monocle.enrolled_root(sys.argv[2])["access_token"]


def key(name, scope):
    return monocle.call("POST", "/api/v1/admin/api-keys",
                        {"tenant": "platform", "name": name, "scopes": [scope]}, root)["key"]


print(json.dumps({"access_token": root,
                  "translate_key": key("bench client", "translate"),
                  "node_key": key("bench decoder pool", "decoder:node")}))
