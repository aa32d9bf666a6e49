# Build a static codesk binary (pure-Go SQLite: no cgo), then run it as a
# non-root user in a minimal image.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/codesk ./cmd/codesk \
 && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/codesk /usr/local/bin/codesk
COPY --from=build --chown=nonroot:nonroot /out/data /data
WORKDIR /data
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/codesk"]
CMD ["serve"]
