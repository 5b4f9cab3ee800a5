# Builds the provider's Lambda code. `sam build` (template.yaml: BuildMethod makefile, CodeUri .) runs
# `make build-ProviderFunction ARTIFACTS_DIR=<dir>` in the repo root or in a copy of it; this also works by hand:
#   make build-ProviderFunction ARTIFACTS_DIR=/tmp/provider
# The build runs in a scratch copy of the sources without any bin/ or obj/: stale outputs from the working tree
# (or copied along by sam) can neither leak into the binary nor break restore with foreign absolute paths.

ARTIFACTS_DIR ?= $(CURDIR)/artifacts/ProviderFunction
PROJECT := src/FargateApi.Lambda/FargateApi.Lambda.csproj
SOURCES := global.json Directory.Build.props Directory.Packages.props .editorconfig src
# provided.al2023 on x86_64 (template.yaml Architectures); the binary links only glibc ≤ 2.34, AL2023's version.
RUNTIME_ID := linux-x64

export DOTNET_NOLOGO := 1
export DOTNET_CLI_TELEMETRY_OPTOUT := 1

.PHONY: build-ProviderFunction clean

build-ProviderFunction:
	@set -eu; \
	scratch=$$(mktemp -d); \
	trap 'rm -rf "$$scratch"' EXIT; \
	tar --exclude=bin --exclude=obj -cf - $(SOURCES) | tar -xf - -C "$$scratch"; \
	dotnet publish "$$scratch/$(PROJECT)" -c Release -r $(RUNTIME_ID) -o "$$scratch/publish" -nologo -v minimal; \
	mkdir -p "$(ARTIFACTS_DIR)"; \
	install -m 0755 "$$scratch/publish/bootstrap" "$(ARTIFACTS_DIR)/bootstrap"; \
	echo "bootstrap: $$(stat -c %s "$(ARTIFACTS_DIR)/bootstrap") bytes in $(ARTIFACTS_DIR)"

clean:
	rm -rf artifacts/ProviderFunction .aws-sam
