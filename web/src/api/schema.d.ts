// Generated from GET /openapi.json by test/console-api-types.test.ts. Do not edit.

export interface paths {
    "/v1/admin/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List jobs, dead ones by default, with every attempt’s error */
        get: {
            parameters: {
                query: {
                    state?: "available" | "running" | "completed" | "dead" | "cancelled";
                    kind?: string;
                    queue?: string;
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                kind: string;
                                queue: string;
                                payload: unknown;
                                state: string;
                                priority: number;
                                /** Format: date-time */
                                run_at: string;
                                attempt: number;
                                max_attempts: number;
                                timeout_ms: number | null;
                                deadline: string | null;
                                unique_key: string | null;
                                errors: {
                                    attempt: number;
                                    at: string;
                                    error: string;
                                }[];
                                /** Format: date-time */
                                created_at: string;
                                attempted_at: string | null;
                                finished_at: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One job */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    jobId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            kind: string;
                            queue: string;
                            payload: unknown;
                            state: string;
                            priority: number;
                            /** Format: date-time */
                            run_at: string;
                            attempt: number;
                            max_attempts: number;
                            timeout_ms: number | null;
                            deadline: string | null;
                            unique_key: string | null;
                            errors: {
                                attempt: number;
                                at: string;
                                error: string;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            attempted_at: string | null;
                            finished_at: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/jobs/redrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run dead jobs again from their first attempt: by ids, kind, queue, or all */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids?: number[];
                        kind?: string;
                        queue?: string;
                        /** @description Every dead job: required when no filter is given */
                        all?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            redriven: number[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/jobs/{jobId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a job that has not finished (a running one is aborted at its next lease renewal) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    jobId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: number;
                            kind: string;
                            queue: string;
                            payload: unknown;
                            state: string;
                            priority: number;
                            /** Format: date-time */
                            run_at: string;
                            attempt: number;
                            max_attempts: number;
                            timeout_ms: number | null;
                            deadline: string | null;
                            unique_key: string | null;
                            errors: {
                                attempt: number;
                                at: string;
                                error: string;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            attempted_at: string | null;
                            finished_at: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account; returns the user and a token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                        /** @description Trimmed; not blank; no control or bidirectional formatting characters */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                /** Format: uuid */
                                id: string;
                                email: string;
                                name: string;
                                is_operator: boolean;
                                /** Format: date-time */
                                created_at: string;
                            };
                            token: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Email already registered (/problems/email-taken) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange email and password for a token (valid 30 days) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            token: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Invalid email or password (/problems/invalid-credentials) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the token this request carries (sign out) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user behind the token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            email: string;
                            name: string;
                            is_operator: boolean;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your tokens (never their secrets) */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                /** Format: date-time */
                                created_at: string;
                                expires_at: string | null;
                                revoked_at: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an API token; its secret is in this response only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Trimmed; not blank; no control or bidirectional formatting characters */
                        name: string;
                        /** Format: date-time */
                        expires_at?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: date-time */
                            created_at: string;
                            expires_at: string | null;
                            /** @description The secret: shown this once, never again */
                            token: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tokenId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the organisations you belong to */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                version: number;
                                role: "owner" | "admin" | "member";
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an organisation; you become its owner */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Trimmed; not blank; no control or bidirectional formatting characters */
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            version: number;
                            role: "owner" | "admin" | "member";
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organisation you belong to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            version: number;
                            role: "owner" | "admin" | "member";
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename an organisation (owners and admins); If-Match or version guards the write */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Trimmed; not blank; no control or bidirectional formatting characters */
                        name: string;
                        /** @description Or send If-Match */
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            version: number;
                            role: "owner" | "admin" | "member";
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The resource was changed by someone else (/problems/version-conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Precondition failed (/problems/precondition-failed) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/orgs/{orgId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the members of an organisation you belong to */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                user_id: string;
                                email: string;
                                name: string;
                                role: "owner" | "admin" | "member";
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add a registered user to an organisation (owners and admins; owners make owners) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        role?: "owner" | "admin" | "member";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            user_id: string;
                            email: string;
                            name: string;
                            role: "owner" | "admin" | "member";
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Conflict (/problems/conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member, or leave (an organisation always keeps an owner) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Conflict (/problems/conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is alive */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers and every migration is applied */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Service unavailable (/problems/unavailable) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/instances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Meridian processes: live, lost (process gone or no heartbeat) and stopped */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                hostname: string;
                                pid: number;
                                role: string;
                                version: string;
                                state: "live" | "lost" | "stopped";
                                /** Format: date-time */
                                started_at: string;
                                /** Format: date-time */
                                heartbeat_at: string;
                                stopped_at: string | null;
                                lost_at: string | null;
                                lost_reason: string | null;
                                released_jobs: number;
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts, newest first: firing ones and their history (docs/operations.md) */
        get: {
            parameters: {
                query: {
                    state?: "firing" | "resolved";
                    rule?: string;
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                rule: string;
                                key: string;
                                state: "firing" | "resolved";
                                severity: "critical" | "warning" | "info";
                                summary: string;
                                details: unknown;
                                value: number | null;
                                /** Format: date-time */
                                fired_at: string;
                                resolved_at: string | null;
                                /** Format: date-time */
                                last_evaluated_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your in-app notifications, newest first, with the unread count */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                event: string;
                                title: string;
                                body: string;
                                data: unknown;
                                read_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                            /** @description Unread notifications in all, not only on this page */
                            unread: number;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{notificationId}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one notification read (again is harmless) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    notificationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            event: string;
                            title: string;
                            body: string;
                            data: unknown;
                            read_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all your notifications read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description How many were unread and are now read */
                            marked: number;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which events go to which channels (the defaults until you save your own) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Channels of any event not listed in `events` */
                            default_channels: string[];
                            /** @description Event name → its channels; [] mutes the event */
                            events: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /** Replace your preferences: default channels, and channels per event */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        default_channels: string[];
                        events: {
                            [key: string]: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Channels of any event not listed in `events` */
                            default_channels: string[];
                            /** @description Event name → its channels; [] mutes the event */
                            events: {
                                [key: string]: string[];
                            };
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description No such notification channel (/problems/unknown-channel) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/mailbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mail kept by the built-in mailbox (no SMTP_URL), newest first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                to_address: string;
                                from_address: string;
                                subject: string;
                                text_body: string;
                                html_body: string;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/push/vapid-public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The VAPID public key to pass to pushManager.subscribe as applicationServerKey */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The application server key for pushManager.subscribe (base64url) */
                            public_key: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/push/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your push subscriptions */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                endpoint: string;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a browser’s PushSubscription (its toJSON()); again updates its keys */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        endpoint: string;
                        expirationTime?: number | null;
                        keys: {
                            p256dh: string;
                            auth: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            endpoint: string;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not a usable Web Push subscription (/problems/invalid-push-subscription); Meridian may not call this URL (/problems/target-refused); Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/push/subscriptions/{subscriptionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unregister a push subscription */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    subscriptionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your webhook endpoints (never their secrets) */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                url: string;
                                description: string;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a webhook endpoint; its signing secret is in this response only */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url: string;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            url: string;
                            description: string;
                            /** Format: date-time */
                            created_at: string;
                            /** @description The signing secret (whsec_…): shown this once */
                            secret: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Meridian may not call this URL (/problems/target-refused); Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a webhook endpoint */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    webhookId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/blobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file: the raw bytes as the body, its type as Content-Type
         * @description The type is sniffed from the bytes and must be the one claimed (application/octet-stream claims none) and an accepted one (BLOBS_CONTENT_TYPES). The same bytes again are the same blob: 200 with the same URL.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description SHA-256 of the bytes, hex */
                            hash: string;
                            /** @description Where it is served: /v1/blobs/<hash> (immutable) */
                            url: string;
                            /** @description Sniffed from the bytes */
                            content_type: string;
                            /** @description Bytes */
                            size: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description SHA-256 of the bytes, hex */
                            hash: string;
                            /** @description Where it is served: /v1/blobs/<hash> (immutable) */
                            url: string;
                            /** @description Sniffed from the bytes */
                            content_type: string;
                            /** @description Bytes */
                            size: number;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Request body too large (/problems/payload-too-large) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Uploads of this type are not accepted (/problems/unsupported-blob-type) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The bytes are not of the type the upload claims (/problems/blob-type-mismatch) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/blobs/{hash}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A blob’s bytes: cacheable forever, with ranges and revalidation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    hash: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The blob's bytes (all, or the range asked for), as its Content-Type */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description The blob's bytes (all, or the range asked for), as its Content-Type */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Not modified: If-None-Match named this blob */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The range is not within the blob (/problems/range-not-satisfiable) */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        /** A blob’s bytes: cacheable forever, with ranges and revalidation */
        head: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    hash: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The blob's bytes (all, or the range asked for), as its Content-Type */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description The blob's bytes (all, or the range asked for), as its Content-Type */
                206: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Not modified: If-None-Match named this blob */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The range is not within the blob (/problems/range-not-satisfiable) */
                416: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        patch?: never;
        trace?: never;
    };
    "/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your tasks, oldest first; filtered by state, tag and part of the name */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    state?: "active" | "paused" | "completed";
                    /** @description Only tasks with this tag */
                    tag?: string;
                    /** @description Only tasks whose name contains this text, in any case */
                    name?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                schedule: unknown;
                                action: unknown;
                                retry: unknown;
                                tolerance_ms: number;
                                flexible_window_minutes: number;
                                /** @description allow_all | skip | buffer_one */
                                overlap: string;
                                catch_up: string;
                                notify: unknown;
                                tags: string[];
                                /** @description active | paused | completed */
                                state: string;
                                next_run_at: string | null;
                                paused_until: string | null;
                                previous_secret_expires_at: string | null;
                                version: number;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a task: its first occurrence is scheduled at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Trimmed; not blank; no control or bidirectional formatting characters */
                        name: string;
                        schedule: {
                            /** @description once | daily | weekly | biweekly | monthly | yearly | cron | interval */
                            frequency: string;
                            interval?: string | null;
                            cron?: string | null;
                            /** Format: date-time */
                            start: string;
                            end?: string | null;
                            /** @default UTC */
                            timezone?: string;
                        };
                        action?: {
                            /** @enum {string} */
                            type: "webhook";
                            url: string;
                            method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
                            headers?: {
                                [key: string]: string;
                            };
                            /** @description JSON sent as the request body */
                            body?: unknown;
                            timeout_ms?: number;
                        } | {
                            /** @enum {string} */
                            type: "reminder";
                            message: string;
                        };
                        retry?: {
                            max_attempts?: number;
                            initial_delay_ms?: number;
                            factor?: number;
                            max_delay_ms?: number;
                        };
                        tolerance_ms?: number;
                        catch_up?: "all" | "latest" | "skip";
                        notify?: {
                            succeeded?: string[];
                            failed?: string[];
                            dead?: string[];
                            late?: string[];
                            missed?: string[];
                        };
                        tags?: string[];
                        /** @description An occurrence due while the previous execution still runs */
                        overlap?: "allow_all" | "skip" | "buffer_one";
                        /** @description Run each occurrence at a random point this many minutes after its due time */
                        flexible_window_minutes?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            schedule: unknown;
                            action: unknown;
                            retry: unknown;
                            tolerance_ms: number;
                            flexible_window_minutes: number;
                            /** @description allow_all | skip | buffer_one */
                            overlap: string;
                            catch_up: string;
                            notify: unknown;
                            tags: string[];
                            /** @description active | paused | completed */
                            state: string;
                            next_run_at: string | null;
                            paused_until: string | null;
                            previous_secret_expires_at: string | null;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        } & {
                            /** @description Verifies the Standard Webhooks signature of its calls; shown only here, and absent from an idempotent replay (Idempotent-Omitted: signing_secret) */
                            signing_secret?: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Request validation failed (/problems/validation-failed) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The task cannot be scheduled as given (/problems/invalid-task) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{taskId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One task */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            schedule: unknown;
                            action: unknown;
                            retry: unknown;
                            tolerance_ms: number;
                            flexible_window_minutes: number;
                            /** @description allow_all | skip | buffer_one */
                            overlap: string;
                            catch_up: string;
                            notify: unknown;
                            tags: string[];
                            /** @description active | paused | completed */
                            state: string;
                            next_run_at: string | null;
                            paused_until: string | null;
                            previous_secret_expires_at: string | null;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a task: its pending occurrence is cancelled */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a task by a JSON merge patch; a new schedule moves its pending occurrence (If-Match or version) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            /** @description A JSON merge patch (RFC 7396) of the task, as application/json or application/merge-patch+json */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Merged into the task's name; null removes it */
                        name?: unknown;
                        /** @description Merged into the task's schedule; null removes it */
                        schedule?: unknown;
                        /** @description Merged into the task's action; null removes it */
                        action?: unknown;
                        /** @description Merged into the task's retry; null removes it */
                        retry?: unknown;
                        /** @description Merged into the task's tolerance_ms; null removes it */
                        tolerance_ms?: unknown;
                        /** @description Merged into the task's catch_up; null removes it */
                        catch_up?: unknown;
                        /** @description Merged into the task's notify; null removes it */
                        notify?: unknown;
                        /** @description Merged into the task's tags; null removes it */
                        tags?: unknown;
                        /** @description Merged into the task's overlap; null removes it */
                        overlap?: unknown;
                        /** @description Merged into the task's flexible_window_minutes; null removes it */
                        flexible_window_minutes?: unknown;
                        /** @description The version you read */
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            schedule: unknown;
                            action: unknown;
                            retry: unknown;
                            tolerance_ms: number;
                            flexible_window_minutes: number;
                            /** @description allow_all | skip | buffer_one */
                            overlap: string;
                            catch_up: string;
                            notify: unknown;
                            tags: string[];
                            /** @description active | paused | completed */
                            state: string;
                            next_run_at: string | null;
                            paused_until: string | null;
                            previous_secret_expires_at: string | null;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Request validation failed (/problems/validation-failed) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The resource was changed by someone else (/problems/version-conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Precondition failed (/problems/precondition-failed) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The task cannot be scheduled as given (/problems/invalid-task) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/tasks/{taskId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hold the task: occurrences wait until it resumes (by itself at `until`, if given) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Resume by itself at this time (in the future); without it, until resumed
                         */
                        until?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            schedule: unknown;
                            action: unknown;
                            retry: unknown;
                            tolerance_ms: number;
                            flexible_window_minutes: number;
                            /** @description allow_all | skip | buffer_one */
                            overlap: string;
                            catch_up: string;
                            notify: unknown;
                            tags: string[];
                            /** @description active | paused | completed */
                            state: string;
                            next_run_at: string | null;
                            paused_until: string | null;
                            previous_secret_expires_at: string | null;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Request validation failed (/problems/validation-failed) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{taskId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume: missed occurrences follow the catch-up policy */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            schedule: unknown;
                            action: unknown;
                            retry: unknown;
                            tolerance_ms: number;
                            flexible_window_minutes: number;
                            /** @description allow_all | skip | buffer_one */
                            overlap: string;
                            catch_up: string;
                            notify: unknown;
                            tags: string[];
                            /** @description active | paused | completed */
                            state: string;
                            next_run_at: string | null;
                            paused_until: string | null;
                            previous_secret_expires_at: string | null;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{taskId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret; calls carry both signatures during the overlap */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description How long calls stay signed with the old secret too (default 24 h)
                         * @default 1440
                         */
                        overlap_minutes?: number;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The new secret; shown only here */
                            signing_secret: string;
                            /** Format: date-time */
                            previous_secret_expires_at: string;
                            version: number;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Request validation failed (/problems/validation-failed) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{taskId}/backfill": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run now the occurrences due in a past range that have no execution (at most 1000) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description The first due time (inclusive)
                         */
                        start: string;
                        /**
                         * Format: date-time
                         * @description The end of the range (exclusive), not in the future
                         */
                        end: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Executions created, due now */
                            backfilled: number;
                            /** @description Occurrences in the range that had an execution */
                            existing: number;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Request validation failed (/problems/validation-failed) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{taskId}/run-now": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the task once now, besides its schedule, even while it is paused */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            task_id: string;
                            /** Format: date-time */
                            scheduled_for: string;
                            /** @description pending | running | succeeded | retrying | dead | missed | cancelled | skipped */
                            state: string;
                            /** @description Pending until the execution under way ends */
                            buffered: boolean;
                            attempts: number;
                            started_at: string | null;
                            finished_at: string | null;
                            last_error: string | null;
                            http_status: number | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The next due times a schedule would have, from now, without saving a task */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        schedule: {
                            /** @description once | daily | weekly | biweekly | monthly | yearly | cron | interval */
                            frequency: string;
                            interval?: string | null;
                            cron?: string | null;
                            /** Format: date-time */
                            start: string;
                            end?: string | null;
                            /** @default UTC */
                            timezone?: string;
                        };
                        /** @default 5 */
                        count?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            occurrences: string[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The task cannot be scheduled as given (/problems/invalid-task) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{taskId}/occurrences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The next due times of the task, from now */
        get: {
            parameters: {
                query: {
                    count: number;
                };
                header?: never;
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            occurrences: string[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{taskId}/executions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The task’s executions, latest due first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                task_id: string;
                                /** Format: date-time */
                                scheduled_for: string;
                                /** @description pending | running | succeeded | retrying | dead | missed | cancelled | skipped */
                                state: string;
                                /** @description Pending until the execution under way ends */
                                buffered: boolean;
                                attempts: number;
                                started_at: string | null;
                                finished_at: string | null;
                                last_error: string | null;
                                http_status: number | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{taskId}/executions/{executionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One execution, with each of its attempts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                    executionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            task_id: string;
                            /** Format: date-time */
                            scheduled_for: string;
                            /** @description pending | running | succeeded | retrying | dead | missed | cancelled | skipped */
                            state: string;
                            /** @description Pending until the execution under way ends */
                            buffered: boolean;
                            attempts: number;
                            started_at: string | null;
                            finished_at: string | null;
                            last_error: string | null;
                            http_status: number | null;
                        } & {
                            attempt_history: {
                                /** @description 1 for the first attempt */
                                attempt: number;
                                /** Format: date-time */
                                started_at: string;
                                finished_at: string | null;
                                /** @description running | succeeded | failed */
                                outcome: string;
                                http_status: number | null;
                                error: string | null;
                                duration_ms: number | null;
                                response_excerpt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{taskId}/executions/{executionId}/redrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a dead execution again, with fresh attempts */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                    executionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            redriven: number;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Conflict (/problems/conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{taskId}/executions/redrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run every dead execution of the task again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    taskId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            redriven: number;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/user/createtask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a task (brief 000): a reminder on the given frequency */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        user_id: string;
                        frequency: string;
                        /** Format: date-time */
                        start_date: string;
                        end_date?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            task_id: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The task cannot be scheduled as given (/problems/invalid-task) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/user/task": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a task (brief 000) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        task_id: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            task_id: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change the frequency, start or end of a task (brief 000) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        task_id: string;
                        frequency?: string;
                        /** Format: date-time */
                        start_date?: string;
                        end_date?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            task_id: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The task cannot be scheduled as given (/problems/invalid-task) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's items, oldest first; filtered by status and category */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    status?: "active" | "archived";
                    category_id?: string;
                };
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                sku: string;
                                name: string;
                                description: string;
                                category_id: string | null;
                                media: string[];
                                unit_cost: number | null;
                                price: number | null;
                                /** @description ISO 4217 */
                                currency: string;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                status: "active" | "archived";
                                allow_backorder: boolean;
                                version: number;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an item (owners and admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Visible ASCII, no spaces; unique in the organisation */
                        sku: string;
                        /** @description Trimmed; not blank; no control or bidirectional formatting characters */
                        name: string;
                        description?: string;
                        category_id?: string | null;
                        media?: string[];
                        unit_cost?: number | null;
                        price?: number | null;
                        /** @description ISO 4217 */
                        currency?: string;
                        attributes?: {
                            [key: string]: unknown;
                        };
                        status?: "active" | "archived";
                        allow_backorder?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            sku: string;
                            name: string;
                            description: string;
                            category_id: string | null;
                            media: string[];
                            unit_cost: number | null;
                            price: number | null;
                            /** @description ISO 4217 */
                            currency: string;
                            attributes: {
                                [key: string]: unknown;
                            };
                            status: "active" | "archived";
                            allow_backorder: boolean;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The organisation already has an item with this SKU (/problems/sku-taken) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One item */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            sku: string;
                            name: string;
                            description: string;
                            category_id: string | null;
                            media: string[];
                            unit_cost: number | null;
                            price: number | null;
                            /** @description ISO 4217 */
                            currency: string;
                            attributes: {
                                [key: string]: unknown;
                            };
                            status: "active" | "archived";
                            allow_backorder: boolean;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an item (owners and admins); If-Match or version guards a lost update */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Trimmed; not blank; no control or bidirectional formatting characters */
                        name?: string;
                        description?: string;
                        category_id?: string | null;
                        media?: string[];
                        unit_cost?: number | null;
                        price?: number | null;
                        /** @description ISO 4217 */
                        currency?: string;
                        attributes?: {
                            [key: string]: unknown;
                        };
                        status?: "active" | "archived";
                        allow_backorder?: boolean;
                        /** @description Visible ASCII, no spaces; unique in the organisation */
                        sku?: string;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            sku: string;
                            name: string;
                            description: string;
                            category_id: string | null;
                            media: string[];
                            unit_cost: number | null;
                            price: number | null;
                            /** @description ISO 4217 */
                            currency: string;
                            attributes: {
                                [key: string]: unknown;
                            };
                            status: "active" | "archived";
                            allow_backorder: boolean;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The organisation already has an item with this SKU (/problems/sku-taken); The resource was changed by someone else (/problems/version-conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Precondition failed (/problems/precondition-failed) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's categories */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                parent_id: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a category, under a parent if given (owners and admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Trimmed; not blank; no control or bidirectional formatting characters */
                        name: string;
                        parent_id?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            parent_id: string | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Conflict (/problems/conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's locations, first to fulfil first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                kind: "warehouse" | "store";
                                fulfilment_priority: number;
                                address: {
                                    [key: string]: unknown;
                                } | null;
                                version: number;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a location (a warehouse or a store; owners and admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Trimmed; not blank; no control or bidirectional formatting characters */
                        name: string;
                        kind?: "warehouse" | "store";
                        fulfilment_priority?: number;
                        address?: {
                            [key: string]: unknown;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            kind: "warehouse" | "store";
                            fulfilment_priority: number;
                            address: {
                                [key: string]: unknown;
                            } | null;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Conflict (/problems/conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/locations/{locationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a location: its name, kind, priority or address (owners and admins) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                    locationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Trimmed; not blank; no control or bidirectional formatting characters */
                        name?: string;
                        kind?: "warehouse" | "store";
                        fulfilment_priority?: number;
                        address?: {
                            [key: string]: unknown;
                        } | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            kind: "warehouse" | "store";
                            fulfilment_priority: number;
                            address: {
                                [key: string]: unknown;
                            } | null;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Conflict (/problems/conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a (signed) delta to a quantity, on_hand unless state says otherwise */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        item_id: string;
                        /** Format: uuid */
                        location_id: string;
                        /** @enum {unknown} */
                        state?: "on_hand" | "reserved" | "incoming" | "damaged";
                        delta: number;
                        /** @enum {unknown} */
                        reason: "received" | "restock" | "correction" | "cycle_count" | "damaged" | "shrinkage" | "sale" | "reservation" | "release" | "transfer" | "return";
                        /** @description An order, a document URI, … */
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            operation_id: string;
                            levels: {
                                /** Format: uuid */
                                item_id: string;
                                /** Format: uuid */
                                location_id: string;
                                on_hand: number;
                                reserved: number;
                                incoming: number;
                                damaged: number;
                                /** @description on_hand - reserved - safety_stock */
                                available: number;
                                safety_stock: number;
                                reorder_point: number;
                                low_stock: boolean;
                                version: number;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The quantity changed since you read it (change_from_quantity) (/problems/quantity-stale) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not enough stock for this change (/problems/insufficient-stock); Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/set-quantity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a quantity; with change_from_quantity, only if it still is that (else 409) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        item_id: string;
                        /** Format: uuid */
                        location_id: string;
                        /** @enum {unknown} */
                        state?: "on_hand" | "reserved" | "incoming" | "damaged";
                        quantity: number;
                        change_from_quantity?: number | null;
                        /** @enum {unknown} */
                        reason?: "received" | "restock" | "correction" | "cycle_count" | "damaged" | "shrinkage" | "sale" | "reservation" | "release" | "transfer" | "return";
                        /** @description An order, a document URI, … */
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            operation_id: string;
                            levels: {
                                /** Format: uuid */
                                item_id: string;
                                /** Format: uuid */
                                location_id: string;
                                on_hand: number;
                                reserved: number;
                                incoming: number;
                                damaged: number;
                                /** @description on_hand - reserved - safety_stock */
                                available: number;
                                safety_stock: number;
                                reorder_point: number;
                                low_stock: boolean;
                                version: number;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The quantity changed since you read it (change_from_quantity) (/problems/quantity-stale) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not enough stock for this change (/problems/insufficient-stock); Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/moves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move units between states of one level (on_hand, incoming, damaged) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        item_id: string;
                        /** Format: uuid */
                        location_id: string;
                        /** @enum {unknown} */
                        from: "on_hand" | "reserved" | "incoming" | "damaged";
                        /** @enum {unknown} */
                        to: "on_hand" | "reserved" | "incoming" | "damaged";
                        quantity: number;
                        /** @enum {unknown} */
                        reason?: "received" | "restock" | "correction" | "cycle_count" | "damaged" | "shrinkage" | "sale" | "reservation" | "release" | "transfer" | "return";
                        /** @description An order, a document URI, … */
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            operation_id: string;
                            levels: {
                                /** Format: uuid */
                                item_id: string;
                                /** Format: uuid */
                                location_id: string;
                                on_hand: number;
                                reserved: number;
                                incoming: number;
                                damaged: number;
                                /** @description on_hand - reserved - safety_stock */
                                available: number;
                                safety_stock: number;
                                reorder_point: number;
                                low_stock: boolean;
                                version: number;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The quantity changed since you read it (change_from_quantity) (/problems/quantity-stale) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not enough stock for this change (/problems/insufficient-stock); Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move on-hand units from one location to another */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        item_id: string;
                        /** Format: uuid */
                        from_location_id: string;
                        /** Format: uuid */
                        to_location_id: string;
                        quantity: number;
                        /** @description An order, a document URI, … */
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            operation_id: string;
                            levels: {
                                /** Format: uuid */
                                item_id: string;
                                /** Format: uuid */
                                location_id: string;
                                on_hand: number;
                                reserved: number;
                                incoming: number;
                                damaged: number;
                                /** @description on_hand - reserved - safety_stock */
                                available: number;
                                safety_stock: number;
                                reorder_point: number;
                                low_stock: boolean;
                                version: number;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The quantity changed since you read it (change_from_quantity) (/problems/quantity-stale) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not enough stock for this change (/problems/insufficient-stock); Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive units into on hand (off incoming as far as it holds them), with their unit cost */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        item_id: string;
                        /** Format: uuid */
                        location_id: string;
                        quantity: number;
                        /** @description Minor units (cents) */
                        unit_cost?: number;
                        /** @description An order, a document URI, … */
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            operation_id: string;
                            levels: {
                                /** Format: uuid */
                                item_id: string;
                                /** Format: uuid */
                                location_id: string;
                                on_hand: number;
                                reserved: number;
                                incoming: number;
                                damaged: number;
                                /** @description on_hand - reserved - safety_stock */
                                available: number;
                                safety_stock: number;
                                reorder_point: number;
                                low_stock: boolean;
                                version: number;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The quantity changed since you read it (change_from_quantity) (/problems/quantity-stale) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not enough stock for this change (/problems/insufficient-stock); Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/items/{itemId}/levels/{locationId}/thresholds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a level's safety stock and reorder point (owners and admins) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                    itemId: string;
                    locationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        safety_stock?: number;
                        reorder_point?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            operation_id: string;
                            levels: {
                                /** Format: uuid */
                                item_id: string;
                                /** Format: uuid */
                                location_id: string;
                                on_hand: number;
                                reserved: number;
                                incoming: number;
                                damaged: number;
                                /** @description on_hand - reserved - safety_stock */
                                available: number;
                                safety_stock: number;
                                reorder_point: number;
                                low_stock: boolean;
                                version: number;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/items/{itemId}/levels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An item's levels at every location that holds it, first to fulfil first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            item_id: string;
                            levels: {
                                /** Format: uuid */
                                item_id: string;
                                /** Format: uuid */
                                location_id: string;
                                on_hand: number;
                                reserved: number;
                                incoming: number;
                                damaged: number;
                                /** @description on_hand - reserved - safety_stock */
                                available: number;
                                safety_stock: number;
                                reorder_point: number;
                                low_stock: boolean;
                                version: number;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/items/{itemId}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An item's ledger, newest first (every change of every quantity) */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    location_id?: string;
                };
                header?: never;
                path: {
                    orgId: string;
                    itemId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** Format: uuid */
                                item_id: string;
                                /** Format: uuid */
                                location_id: string;
                                /** @enum {unknown} */
                                state: "on_hand" | "reserved" | "incoming" | "damaged";
                                delta: number;
                                quantity_after: number;
                                /** @enum {unknown} */
                                reason: "received" | "restock" | "correction" | "cycle_count" | "damaged" | "shrinkage" | "sale" | "reservation" | "release" | "transfer" | "return";
                                reference: string | null;
                                unit_cost: number | null;
                                actor_id: string | null;
                                /** Format: uuid */
                                operation_id: string;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's orders, oldest first; filtered by state */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                    state?: "reserved" | "partially_fulfilled" | "fulfilled" | "cancelled" | "expired";
                };
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {unknown} */
                                state: "reserved" | "partially_fulfilled" | "fulfilled" | "cancelled" | "expired";
                                customer: unknown;
                                shipping_address: unknown;
                                reference: string | null;
                                hold_until: string | null;
                                created_by: string | null;
                                version: number;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                lines: {
                                    line_no: number;
                                    /** Format: uuid */
                                    item_id: string;
                                    quantity: number;
                                    fulfilled: number;
                                    returned: number;
                                    /** @description Units still held for this line */
                                    reserved: number;
                                    allocations: {
                                        /** Format: uuid */
                                        location_id: string;
                                        quantity: number;
                                        open: number;
                                    }[];
                                }[];
                                shipments: {
                                    /** Format: uuid */
                                    id: string;
                                    carrier: string | null;
                                    tracking_number: string | null;
                                    lines: {
                                        line_no: number;
                                        /** Format: uuid */
                                        location_id: string;
                                        quantity: number;
                                    }[];
                                    created_by: string | null;
                                    /** Format: date-time */
                                    created_at: string;
                                }[];
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an order: its lines are reserved at once, all or nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lines: {
                            /** Format: uuid */
                            item_id: string;
                            quantity: number;
                            /** Format: uuid */
                            location_id?: string;
                        }[];
                        /** @description Free-form JSON (name, email, address lines, …) */
                        customer?: {
                            [key: string]: unknown;
                        };
                        /** @description Free-form JSON (name, email, address lines, …) */
                        shipping_address?: {
                            [key: string]: unknown;
                        };
                        /** @description An order, a document URI, … */
                        reference?: string;
                        /**
                         * Format: date-time
                         * @description Release the reservation at this time
                         */
                        hold_until?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            state: "reserved" | "partially_fulfilled" | "fulfilled" | "cancelled" | "expired";
                            customer: unknown;
                            shipping_address: unknown;
                            reference: string | null;
                            hold_until: string | null;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            lines: {
                                line_no: number;
                                /** Format: uuid */
                                item_id: string;
                                quantity: number;
                                fulfilled: number;
                                returned: number;
                                /** @description Units still held for this line */
                                reserved: number;
                                allocations: {
                                    /** Format: uuid */
                                    location_id: string;
                                    quantity: number;
                                    open: number;
                                }[];
                            }[];
                            shipments: {
                                /** Format: uuid */
                                id: string;
                                carrier: string | null;
                                tracking_number: string | null;
                                lines: {
                                    line_no: number;
                                    /** Format: uuid */
                                    location_id: string;
                                    quantity: number;
                                }[];
                                created_by: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The order is not in a state that allows this (/problems/order-state-conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not enough stock for this change (/problems/insufficient-stock); Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One order, with its lines, allocations and shipments */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                    orderId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            state: "reserved" | "partially_fulfilled" | "fulfilled" | "cancelled" | "expired";
                            customer: unknown;
                            shipping_address: unknown;
                            reference: string | null;
                            hold_until: string | null;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            lines: {
                                line_no: number;
                                /** Format: uuid */
                                item_id: string;
                                quantity: number;
                                fulfilled: number;
                                returned: number;
                                /** @description Units still held for this line */
                                reserved: number;
                                allocations: {
                                    /** Format: uuid */
                                    location_id: string;
                                    quantity: number;
                                    open: number;
                                }[];
                            }[];
                            shipments: {
                                /** Format: uuid */
                                id: string;
                                carrier: string | null;
                                tracking_number: string | null;
                                lines: {
                                    line_no: number;
                                    /** Format: uuid */
                                    location_id: string;
                                    quantity: number;
                                }[];
                                created_by: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/orders/{orderId}/fulfilments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ship some or all open units (a shipment: carrier and tracking number) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                    orderId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lines?: {
                            line_no: number;
                            quantity: number;
                        }[];
                        carrier?: string;
                        tracking_number?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            order: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {unknown} */
                                state: "reserved" | "partially_fulfilled" | "fulfilled" | "cancelled" | "expired";
                                customer: unknown;
                                shipping_address: unknown;
                                reference: string | null;
                                hold_until: string | null;
                                created_by: string | null;
                                version: number;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                lines: {
                                    line_no: number;
                                    /** Format: uuid */
                                    item_id: string;
                                    quantity: number;
                                    fulfilled: number;
                                    returned: number;
                                    /** @description Units still held for this line */
                                    reserved: number;
                                    allocations: {
                                        /** Format: uuid */
                                        location_id: string;
                                        quantity: number;
                                        open: number;
                                    }[];
                                }[];
                                shipments: {
                                    /** Format: uuid */
                                    id: string;
                                    carrier: string | null;
                                    tracking_number: string | null;
                                    lines: {
                                        line_no: number;
                                        /** Format: uuid */
                                        location_id: string;
                                        quantity: number;
                                    }[];
                                    created_by: string | null;
                                    /** Format: date-time */
                                    created_at: string;
                                }[];
                            };
                            shipment: {
                                /** Format: uuid */
                                id: string;
                                carrier: string | null;
                                tracking_number: string | null;
                                lines: {
                                    line_no: number;
                                    /** Format: uuid */
                                    location_id: string;
                                    quantity: number;
                                }[];
                                created_by: string | null;
                                /** Format: date-time */
                                created_at: string;
                            };
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The order is not in a state that allows this (/problems/order-state-conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not enough stock for this change (/problems/insufficient-stock); Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/orders/{orderId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an open order: what it still holds is released */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                    orderId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            state: "reserved" | "partially_fulfilled" | "fulfilled" | "cancelled" | "expired";
                            customer: unknown;
                            shipping_address: unknown;
                            reference: string | null;
                            hold_until: string | null;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            lines: {
                                line_no: number;
                                /** Format: uuid */
                                item_id: string;
                                quantity: number;
                                fulfilled: number;
                                returned: number;
                                /** @description Units still held for this line */
                                reserved: number;
                                allocations: {
                                    /** Format: uuid */
                                    location_id: string;
                                    quantity: number;
                                    open: number;
                                }[];
                            }[];
                            shipments: {
                                /** Format: uuid */
                                id: string;
                                carrier: string | null;
                                tracking_number: string | null;
                                lines: {
                                    line_no: number;
                                    /** Format: uuid */
                                    location_id: string;
                                    quantity: number;
                                }[];
                                created_by: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The order is not in a state that allows this (/problems/order-state-conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not enough stock for this change (/problems/insufficient-stock); Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/orders/{orderId}/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return shipped units to stock (at the location they left, unless given) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                    orderId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lines: {
                            line_no: number;
                            quantity: number;
                            /** Format: uuid */
                            location_id?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            state: "reserved" | "partially_fulfilled" | "fulfilled" | "cancelled" | "expired";
                            customer: unknown;
                            shipping_address: unknown;
                            reference: string | null;
                            hold_until: string | null;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            lines: {
                                line_no: number;
                                /** Format: uuid */
                                item_id: string;
                                quantity: number;
                                fulfilled: number;
                                returned: number;
                                /** @description Units still held for this line */
                                reserved: number;
                                allocations: {
                                    /** Format: uuid */
                                    location_id: string;
                                    quantity: number;
                                    open: number;
                                }[];
                            }[];
                            shipments: {
                                /** Format: uuid */
                                id: string;
                                carrier: string | null;
                                tracking_number: string | null;
                                lines: {
                                    line_no: number;
                                    /** Format: uuid */
                                    location_id: string;
                                    quantity: number;
                                }[];
                                created_by: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The order is not in a state that allows this (/problems/order-state-conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not enough stock for this change (/problems/insufficient-stock); Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/orders/fulfilments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ship many orders at once: each on its own, with a result per row */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orders: {
                            /** Format: uuid */
                            order_id: string;
                            lines?: {
                                line_no: number;
                                quantity: number;
                            }[];
                            carrier?: string;
                            tracking_number?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                created: number;
                                updated: number;
                                unchanged: number;
                                failed: number;
                            };
                            results: {
                                /** @description The index in rows (JSON), or the line of the file (CSV) */
                                row: number;
                                status: "created" | "updated" | "unchanged" | "failed";
                                /** Format: uuid */
                                id?: string;
                                error?: {
                                    /** @description /problems/<name>, as docs/errors.md lists them */
                                    type: string;
                                    /** @description The status the row would have had on its own */
                                    status: number;
                                    detail: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/getInventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every item, with its quantities summed over locations (alias of …/inventory/items) */
        get: {
            parameters: {
                query: {
                    user_id?: string;
                    timestamp?: string | number;
                    org_id?: string;
                    stateless_session?: string;
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                sku: string;
                                name: string;
                                description: string;
                                category_id: string | null;
                                media: string[];
                                unit_cost: number | null;
                                price: number | null;
                                /** @description ISO 4217 */
                                currency: string;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                status: "active" | "archived";
                                allow_backorder: boolean;
                                version: number;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                quantities: {
                                    on_hand: number;
                                    reserved: number;
                                    available: number;
                                    incoming: number;
                                };
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/getInventory/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One item, with its quantities summed over locations */
        get: {
            parameters: {
                query?: {
                    user_id?: string;
                    timestamp?: string | number;
                    org_id?: string;
                    stateless_session?: string;
                };
                header?: never;
                path: {
                    item_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            sku: string;
                            name: string;
                            description: string;
                            category_id: string | null;
                            media: string[];
                            unit_cost: number | null;
                            price: number | null;
                            /** @description ISO 4217 */
                            currency: string;
                            attributes: {
                                [key: string]: unknown;
                            };
                            status: "active" | "archived";
                            allow_backorder: boolean;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            quantities: {
                                on_hand: number;
                                reserved: number;
                                available: number;
                                incoming: number;
                            };
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/Inventory/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search items by SKU, name and description, best first (alias of …/inventory/search) */
        get: {
            parameters: {
                query: {
                    user_id?: string;
                    timestamp?: string | number;
                    org_id?: string;
                    stateless_session?: string;
                    /** @description SKU, name or description */
                    query: string;
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                sku: string;
                                name: string;
                                description: string;
                                category_id: string | null;
                                media: string[];
                                unit_cost: number | null;
                                price: number | null;
                                /** @description ISO 4217 */
                                currency: string;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                status: "active" | "archived";
                                allow_backorder: boolean;
                                version: number;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** @description Higher is better: 10 for the exact SKU, plus text rank and typo similarity */
                                rank: number | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/updateInventory/BULK": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Update or create many items from parallel arrays, with a result per row */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        user_id?: string;
                        timestamp?: string | number;
                        /** Format: uuid */
                        org_id?: string;
                        stateless_session?: string;
                        item_ids: string[];
                        item_names?: (string | null)[];
                        item_contents?: (string | null)[];
                        item_medias?: (string | string[] | null)[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                created: number;
                                updated: number;
                                unchanged: number;
                                failed: number;
                            };
                            results: {
                                /** @description The index in rows (JSON), or the line of the file (CSV) */
                                row: number;
                                status: "created" | "updated" | "unchanged" | "failed";
                                /** Format: uuid */
                                id?: string;
                                error?: {
                                    /** @description /problems/<name>, as docs/errors.md lists them */
                                    type: string;
                                    /** @description The status the row would have had on its own */
                                    status: number;
                                    detail: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/updateInventory/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Update an item (name, content, media; quantity on hand), or create it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    item_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        user_id?: string;
                        timestamp?: string | number;
                        /** Format: uuid */
                        org_id?: string;
                        stateless_session?: string;
                        /** Format: uuid */
                        item_id?: string;
                        item_name?: string;
                        item_content?: string;
                        item_media?: string | string[] | null;
                        sku?: string;
                        quantity?: number;
                        /** Format: uuid */
                        location_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            sku: string;
                            name: string;
                            description: string;
                            category_id: string | null;
                            media: string[];
                            unit_cost: number | null;
                            price: number | null;
                            /** @description ISO 4217 */
                            currency: string;
                            attributes: {
                                [key: string]: unknown;
                            };
                            status: "active" | "archived";
                            allow_backorder: boolean;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            quantities: {
                                on_hand: number;
                                reserved: number;
                                available: number;
                                incoming: number;
                            };
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The organisation already has an item with this SKU (/problems/sku-taken); Conflict (/problems/conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fulfillInventory/Bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ship one unit (or quantities[i]) of each item now, with a result per row */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        user_id?: string;
                        timestamp?: string | number;
                        /** Format: uuid */
                        org_id?: string;
                        stateless_session?: string;
                        item_ids: string[];
                        quantities?: number[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                created: number;
                                updated: number;
                                unchanged: number;
                                failed: number;
                            };
                            results: {
                                /** @description The index in rows (JSON), or the line of the file (CSV) */
                                row: number;
                                status: "created" | "updated" | "unchanged" | "failed";
                                /** Format: uuid */
                                id?: string;
                                error?: {
                                    /** @description /problems/<name>, as docs/errors.md lists them */
                                    type: string;
                                    /** @description The status the row would have had on its own */
                                    status: number;
                                    detail: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fulfillInventory/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ship units of an item now: an order of one line, reserved and shipped at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    item_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        user_id?: string;
                        timestamp?: string | number;
                        /** Format: uuid */
                        org_id?: string;
                        stateless_session?: string;
                        /** Format: uuid */
                        item_id?: string;
                        item_ids?: string[];
                        quantity?: number;
                        /** Format: uuid */
                        location_id?: string;
                        carrier?: string;
                        tracking_number?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {unknown} */
                            state: "reserved" | "partially_fulfilled" | "fulfilled" | "cancelled" | "expired";
                            customer: unknown;
                            shipping_address: unknown;
                            reference: string | null;
                            hold_until: string | null;
                            created_by: string | null;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            lines: {
                                line_no: number;
                                /** Format: uuid */
                                item_id: string;
                                quantity: number;
                                fulfilled: number;
                                returned: number;
                                /** @description Units still held for this line */
                                reserved: number;
                                allocations: {
                                    /** Format: uuid */
                                    location_id: string;
                                    quantity: number;
                                    open: number;
                                }[];
                            }[];
                            shipments: {
                                /** Format: uuid */
                                id: string;
                                carrier: string | null;
                                tracking_number: string | null;
                                lines: {
                                    line_no: number;
                                    /** Format: uuid */
                                    location_id: string;
                                    quantity: number;
                                }[];
                                created_by: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not enough stock for this change (/problems/insufficient-stock) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/items/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create or update up to 10,000 items by SKU; one result per row */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description reject_all: any failed row and nothing is written (422); reject_failed_rows: the others are */
                        error_policy?: "reject_all" | "reject_failed_rows";
                        rows: unknown[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                created: number;
                                updated: number;
                                unchanged: number;
                                failed: number;
                            };
                            results: {
                                /** @description The index in rows (JSON), or the line of the file (CSV) */
                                row: number;
                                status: "created" | "updated" | "unchanged" | "failed";
                                /** Format: uuid */
                                id?: string;
                                error?: {
                                    /** @description /problems/<name>, as docs/errors.md lists them */
                                    type: string;
                                    /** @description The status the row would have had on its own */
                                    status: number;
                                    detail: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Request body too large (/problems/payload-too-large) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Some rows failed, so none was written (error_policy reject_all) (/problems/bulk-rejected) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/levels/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set up to 10,000 quantities (by SKU or item id, and location) through the ledger */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description reject_all: any failed row and nothing is written (422); reject_failed_rows: the others are */
                        error_policy?: "reject_all" | "reject_failed_rows";
                        rows: unknown[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                created: number;
                                updated: number;
                                unchanged: number;
                                failed: number;
                            };
                            results: {
                                /** @description The index in rows (JSON), or the line of the file (CSV) */
                                row: number;
                                status: "created" | "updated" | "unchanged" | "failed";
                                /** Format: uuid */
                                id?: string;
                                error?: {
                                    /** @description /problems/<name>, as docs/errors.md lists them */
                                    type: string;
                                    /** @description The status the row would have had on its own */
                                    status: number;
                                    detail: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Request body too large (/problems/payload-too-large) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Some rows failed, so none was written (error_policy reject_all) (/problems/bulk-rejected) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/export/items.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's items as CSV, streamed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV (RFC 4180), header first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/export/levels.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's levels as CSV, streamed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV (RFC 4180), header first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/imports/{importId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import's state, progress and failed rows */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                    importId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            /** @description reject_all: any failed row and nothing is written (422); reject_failed_rows: the others are */
                            error_policy: "reject_all" | "reject_failed_rows";
                            state: "queued" | "running" | "completed" | "failed";
                            columns: string[];
                            ignored_columns: string[];
                            total: number;
                            processed: number;
                            counts: {
                                created: number;
                                updated: number;
                                unchanged: number;
                                failed: number;
                            };
                            /** @description The first 1,000 failed rows */
                            errors: {
                                /** @description The index in rows (JSON), or the line of the file (CSV) */
                                row: number;
                                status: "created" | "updated" | "unchanged" | "failed";
                                /** Format: uuid */
                                id?: string;
                                error?: {
                                    /** @description /problems/<name>, as docs/errors.md lists them */
                                    type: string;
                                    /** @description The status the row would have had on its own */
                                    status: number;
                                    detail: string;
                                };
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            started_at: string | null;
                            finished_at: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search items by SKU, name and description, best first (by name when q is empty) */
        get: {
            parameters: {
                query: {
                    /** @description SKU, name or description words */
                    q: string;
                    category_id?: string;
                    location_id?: string;
                    status?: "active" | "archived";
                    low_stock?: boolean;
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                sku: string;
                                name: string;
                                description: string;
                                category_id: string | null;
                                media: string[];
                                unit_cost: number | null;
                                price: number | null;
                                /** @description ISO 4217 */
                                currency: string;
                                attributes: {
                                    [key: string]: unknown;
                                };
                                status: "active" | "archived";
                                allow_backorder: boolean;
                                version: number;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** @description Higher is better: 10 for the exact SKU, plus text rank and typo similarity */
                                rank: number | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/reports/stock-on-hand": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock at the end of each day, per state, and its value */
        get: {
            parameters: {
                query: {
                    /** @description A UTC calendar day, YYYY-MM-DD */
                    from?: string;
                    /** @description Last day of the range, inclusive (default today) */
                    to?: string;
                    group_by: "item" | "category" | "location";
                    /** @description csv: text/csv (as does Accept: text/csv) */
                    format?: "json" | "csv";
                    /** @description dead-stock: no sale in this many days */
                    days: number;
                };
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JSON, or CSV (one line per row) with ?format=csv or Accept: text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            report: "stock-on-hand";
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            from: string;
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            to: string;
                            group_by: string;
                            rows: {
                                key: string | null;
                                label: string;
                                /**
                                 * Format: date
                                 * @description A UTC calendar day, YYYY-MM-DD
                                 */
                                day: string;
                                on_hand: number;
                                reserved: number;
                                incoming: number;
                                damaged: number;
                                /** @description Minor units, rounded */
                                value: number;
                            }[];
                        };
                        "text/csv": string;
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/reports/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Units in and out by state and reason */
        get: {
            parameters: {
                query: {
                    /** @description A UTC calendar day, YYYY-MM-DD */
                    from?: string;
                    /** @description Last day of the range, inclusive (default today) */
                    to?: string;
                    group_by: "item" | "category" | "location";
                    /** @description csv: text/csv (as does Accept: text/csv) */
                    format?: "json" | "csv";
                    /** @description dead-stock: no sale in this many days */
                    days: number;
                };
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JSON, or CSV (one line per row) with ?format=csv or Accept: text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            report: "movements";
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            from: string;
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            to: string;
                            group_by: string;
                            rows: {
                                key: string | null;
                                label: string;
                                state: string;
                                reason: string;
                                units_in: number;
                                units_out: number;
                                net: number;
                            }[];
                        };
                        "text/csv": string;
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/reports/velocity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Units sold per day over the 7 and 30 days that end on `to` */
        get: {
            parameters: {
                query: {
                    /** @description A UTC calendar day, YYYY-MM-DD */
                    from?: string;
                    /** @description Last day of the range, inclusive (default today) */
                    to?: string;
                    group_by: "item" | "category" | "location";
                    /** @description csv: text/csv (as does Accept: text/csv) */
                    format?: "json" | "csv";
                    /** @description dead-stock: no sale in this many days */
                    days: number;
                };
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JSON, or CSV (one line per row) with ?format=csv or Accept: text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            report: "velocity";
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            from: string;
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            to: string;
                            group_by: string;
                            rows: {
                                key: string | null;
                                label: string;
                                sold_7d: number;
                                sold_30d: number;
                                per_day_7d: number;
                                per_day_30d: number;
                            }[];
                        };
                        "text/csv": string;
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/reports/days-of-cover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Available now over units sold per day (30 days to `to`) */
        get: {
            parameters: {
                query: {
                    /** @description A UTC calendar day, YYYY-MM-DD */
                    from?: string;
                    /** @description Last day of the range, inclusive (default today) */
                    to?: string;
                    group_by: "item" | "category" | "location";
                    /** @description csv: text/csv (as does Accept: text/csv) */
                    format?: "json" | "csv";
                    /** @description dead-stock: no sale in this many days */
                    days: number;
                };
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JSON, or CSV (one line per row) with ?format=csv or Accept: text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            report: "days-of-cover";
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            from: string;
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            to: string;
                            group_by: string;
                            rows: {
                                key: string | null;
                                label: string;
                                available: number;
                                sold_30d: number;
                                per_day: number;
                                /** @description available / per_day; null when nothing sold */
                                days_of_cover: number | null;
                            }[];
                        };
                        "text/csv": string;
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/reports/sell-through": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sold over the range / (sold + on hand at its end) */
        get: {
            parameters: {
                query: {
                    /** @description A UTC calendar day, YYYY-MM-DD */
                    from?: string;
                    /** @description Last day of the range, inclusive (default today) */
                    to?: string;
                    group_by: "item" | "category" | "location";
                    /** @description csv: text/csv (as does Accept: text/csv) */
                    format?: "json" | "csv";
                    /** @description dead-stock: no sale in this many days */
                    days: number;
                };
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JSON, or CSV (one line per row) with ?format=csv or Accept: text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            report: "sell-through";
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            from: string;
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            to: string;
                            group_by: string;
                            rows: {
                                key: string | null;
                                label: string;
                                sold: number;
                                on_hand_end: number;
                                /** @description sold / (sold + on_hand_end) */
                                sell_through: number | null;
                            }[];
                        };
                        "text/csv": string;
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/reports/abc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** ABC classes by consumption value: A the top 80%, B the next 15%, C the rest */
        get: {
            parameters: {
                query: {
                    /** @description A UTC calendar day, YYYY-MM-DD */
                    from?: string;
                    /** @description Last day of the range, inclusive (default today) */
                    to?: string;
                    group_by: "item" | "category" | "location";
                    /** @description csv: text/csv (as does Accept: text/csv) */
                    format?: "json" | "csv";
                    /** @description dead-stock: no sale in this many days */
                    days: number;
                };
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JSON, or CSV (one line per row) with ?format=csv or Accept: text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            report: "abc";
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            from: string;
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            to: string;
                            group_by: string;
                            rows: {
                                key: string | null;
                                label: string;
                                sold: number;
                                /** @description Minor units, rounded */
                                consumption_value: number;
                                share: number;
                                class: "A" | "B" | "C";
                            }[];
                        };
                        "text/csv": string;
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/reports/valuation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** On hand at the end of `to`, valued at weighted average cost */
        get: {
            parameters: {
                query: {
                    /** @description A UTC calendar day, YYYY-MM-DD */
                    from?: string;
                    /** @description Last day of the range, inclusive (default today) */
                    to?: string;
                    group_by: "item" | "category" | "location";
                    /** @description csv: text/csv (as does Accept: text/csv) */
                    format?: "json" | "csv";
                    /** @description dead-stock: no sale in this many days */
                    days: number;
                };
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JSON, or CSV (one line per row) with ?format=csv or Accept: text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            report: "valuation";
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            from: string;
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            to: string;
                            group_by: string;
                            rows: {
                                key: string | null;
                                label: string;
                                on_hand: number;
                                /** @description Weighted average cost; null if never received at a cost */
                                unit_cost: number | null;
                                /** @description Minor units, rounded */
                                value: number;
                                unvalued_units: number;
                            }[];
                        };
                        "text/csv": string;
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/reports/low-stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Levels now at or below their reorder point */
        get: {
            parameters: {
                query: {
                    /** @description A UTC calendar day, YYYY-MM-DD */
                    from?: string;
                    /** @description Last day of the range, inclusive (default today) */
                    to?: string;
                    group_by: "item" | "category" | "location";
                    /** @description csv: text/csv (as does Accept: text/csv) */
                    format?: "json" | "csv";
                    /** @description dead-stock: no sale in this many days */
                    days: number;
                };
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JSON, or CSV (one line per row) with ?format=csv or Accept: text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            report: "low-stock";
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            from: string;
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            to: string;
                            group_by: string;
                            rows: {
                                key: string | null;
                                label: string;
                                /** Format: uuid */
                                item_id: string;
                                sku: string;
                                /** Format: uuid */
                                location_id: string;
                                location_name: string;
                                on_hand: number;
                                reserved: number;
                                safety_stock: number;
                                reorder_point: number;
                                available: number;
                            }[];
                        };
                        "text/csv": string;
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/reports/dead-stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock on hand now that sold nothing in `days` days to `to` */
        get: {
            parameters: {
                query: {
                    /** @description A UTC calendar day, YYYY-MM-DD */
                    from?: string;
                    /** @description Last day of the range, inclusive (default today) */
                    to?: string;
                    group_by: "item" | "category" | "location";
                    /** @description csv: text/csv (as does Accept: text/csv) */
                    format?: "json" | "csv";
                    /** @description dead-stock: no sale in this many days */
                    days: number;
                };
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JSON, or CSV (one line per row) with ?format=csv or Accept: text/csv */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            report: "dead-stock";
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            from: string;
                            /**
                             * Format: date
                             * @description A UTC calendar day, YYYY-MM-DD
                             */
                            to: string;
                            group_by: string;
                            rows: {
                                key: string | null;
                                label: string;
                                levels: number;
                                on_hand: number;
                                /** @description Minor units, rounded */
                                value: number;
                                last_sale_day: string | null;
                            }[];
                        };
                        "text/csv": string;
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your profile (made on your first social request) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            id: string;
                            handle: string;
                            display_name: string;
                            avatar_url: string | null;
                            bio: string;
                            avatar_media_id: string | null;
                            /** Format: date-time */
                            created_at: string;
                            counts: {
                                followers: number;
                                following: number;
                                posts: number;
                            };
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /** Change your handle, display name, bio or avatar (fields left out stay) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Letters, digits and _, 1 to 30, not only digits; case is ignored (kept lower-case)
                         * @example ada_lovelace
                         */
                        handle?: string;
                        /** @description Trimmed; not blank; no control or bidirectional formatting characters */
                        display_name?: string;
                        bio?: string;
                        /** @description One of your uploaded images (POST /v1/social/media), or null for none */
                        avatar_media_id?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            id: string;
                            handle: string;
                            display_name: string;
                            avatar_url: string | null;
                            bio: string;
                            avatar_media_id: string | null;
                            /** Format: date-time */
                            created_at: string;
                            counts: {
                                followers: number;
                                following: number;
                                posts: number;
                            };
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Another profile has this handle (/problems/handle-taken) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description This media cannot be attached (not yours, already attached, or unknown) (/problems/media-unusable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/profiles/{idOrHandle}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A profile by id or handle, its counts and how you stand to it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A profile id (digits only), or a handle (optionally after @) */
                    idOrHandle: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            id: string;
                            handle: string;
                            display_name: string;
                            avatar_url: string | null;
                            bio: string;
                            avatar_media_id: string | null;
                            /** Format: date-time */
                            created_at: string;
                            counts: {
                                followers: number;
                                following: number;
                                posts: number;
                            };
                            relation: {
                                following: boolean;
                                followed_by: boolean;
                                blocking: boolean;
                                muting: boolean;
                                /** @description You are told of each of their posts (the bell) */
                                notify: boolean;
                            };
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/profiles/{id}/follow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Follow a profile, or set the bell of your follow (`notify`) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Be told of each of their posts */
                        notify?: boolean;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            following: boolean;
                            followed_by: boolean;
                            blocking: boolean;
                            muting: boolean;
                            /** @description You are told of each of their posts (the bell) */
                            notify: boolean;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description This account blocked you, or you blocked it (/problems/blocked) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description You cannot follow, block or mute yourself (/problems/follow-self); You follow as many accounts as one may (/problems/following-limit) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /** Stop following a profile */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            following: boolean;
                            followed_by: boolean;
                            blocking: boolean;
                            muting: boolean;
                            /** @description You are told of each of their posts (the bell) */
                            notify: boolean;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description You cannot follow, block or mute yourself (/problems/follow-self) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/profiles/{id}/block": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Block a profile: follows both ways end */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            following: boolean;
                            followed_by: boolean;
                            blocking: boolean;
                            muting: boolean;
                            /** @description You are told of each of their posts (the bell) */
                            notify: boolean;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description You cannot follow, block or mute yourself (/problems/follow-self) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /** Unblock a profile */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            following: boolean;
                            followed_by: boolean;
                            blocking: boolean;
                            muting: boolean;
                            /** @description You are told of each of their posts (the bell) */
                            notify: boolean;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description You cannot follow, block or mute yourself (/problems/follow-self) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/profiles/{id}/mute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mute a profile: its posts leave your reads */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            following: boolean;
                            followed_by: boolean;
                            blocking: boolean;
                            muting: boolean;
                            /** @description You are told of each of their posts (the bell) */
                            notify: boolean;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description You cannot follow, block or mute yourself (/problems/follow-self) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /** Unmute a profile */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            following: boolean;
                            followed_by: boolean;
                            blocking: boolean;
                            muting: boolean;
                            /** @description You are told of each of their posts (the bell) */
                            notify: boolean;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description You cannot follow, block or mute yourself (/problems/follow-self) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/profiles/{id}/followers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who follows a profile, newest follow first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                handle: string;
                                display_name: string;
                                avatar_url: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/profiles/{id}/following": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whom a profile follows, newest follow first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                handle: string;
                                display_name: string;
                                avatar_url: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post: text (with @mentions and #tags), up to 4 media, optionally a reply */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description NFC; at most SOCIAL_POST_MAX_CHARS characters */
                        text: string;
                        /** @description Up to 4 of your unattached media */
                        media_ids?: string[];
                        /**
                         * @description A 64-bit id as a decimal string
                         * @example 7391820048710582273
                         */
                        reply_to_id?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            id: string;
                            author: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                handle: string;
                                display_name: string;
                                avatar_url: string | null;
                            };
                            text: string;
                            /** Format: date-time */
                            created_at: string;
                            reply_to_id: string | null;
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            conversation_id: string;
                            media: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                content_type: string;
                                /** @description The processed image: no EXIF, no GPS */
                                url: string;
                                thumbnail_url: string;
                                width: number;
                                height: number;
                                blurhash: string;
                                alt: string;
                            }[];
                            mentions: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                handle: string;
                            }[];
                            tags: string[];
                            counts: {
                                likes: number;
                                reposts: number;
                                replies: number;
                                impressions: number;
                            };
                            viewer: {
                                liked: boolean;
                                reposted: boolean;
                            };
                            repost_of: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                author: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                    avatar_url: string | null;
                                };
                                text: string;
                                /** Format: date-time */
                                created_at: string;
                                reply_to_id: string | null;
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                conversation_id: string;
                                media: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    content_type: string;
                                    /** @description The processed image: no EXIF, no GPS */
                                    url: string;
                                    thumbnail_url: string;
                                    width: number;
                                    height: number;
                                    blurhash: string;
                                    alt: string;
                                }[];
                                mentions: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                }[];
                                tags: string[];
                                counts: {
                                    likes: number;
                                    reposts: number;
                                    replies: number;
                                    impressions: number;
                                };
                                viewer: {
                                    liked: boolean;
                                    reposted: boolean;
                                };
                            } | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The post you reply to was deleted (/problems/reply-to-deleted); A post needs text or media (/problems/post-empty); The post is longer than allowed (/problems/post-too-long); This media cannot be attached (not yours, already attached, or unknown) (/problems/media-unusable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One post (counts as an impression when you are not its author) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            id: string;
                            author: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                handle: string;
                                display_name: string;
                                avatar_url: string | null;
                            };
                            text: string;
                            /** Format: date-time */
                            created_at: string;
                            reply_to_id: string | null;
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            conversation_id: string;
                            media: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                content_type: string;
                                /** @description The processed image: no EXIF, no GPS */
                                url: string;
                                thumbnail_url: string;
                                width: number;
                                height: number;
                                blurhash: string;
                                alt: string;
                            }[];
                            mentions: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                handle: string;
                            }[];
                            tags: string[];
                            counts: {
                                likes: number;
                                reposts: number;
                                replies: number;
                                impressions: number;
                            };
                            viewer: {
                                liked: boolean;
                                reposted: boolean;
                            };
                            repost_of: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                author: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                    avatar_url: string | null;
                                };
                                text: string;
                                /** Format: date-time */
                                created_at: string;
                                reply_to_id: string | null;
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                conversation_id: string;
                                media: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    content_type: string;
                                    /** @description The processed image: no EXIF, no GPS */
                                    url: string;
                                    thumbnail_url: string;
                                    width: number;
                                    height: number;
                                    blurhash: string;
                                    alt: string;
                                }[];
                                mentions: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                }[];
                                tags: string[];
                                counts: {
                                    likes: number;
                                    reposts: number;
                                    replies: number;
                                    impressions: number;
                                };
                                viewer: {
                                    liked: boolean;
                                    reposted: boolean;
                                };
                            } | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete your post (operators: any post); its reposts go with it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/posts/{id}/context": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The thread: ancestors (up to 40), the post, replies below it (pages of 60) */
        get: {
            parameters: {
                query?: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    after?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ancestors: ({
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                author: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                    avatar_url: string | null;
                                };
                                text: string;
                                /** Format: date-time */
                                created_at: string;
                                reply_to_id: string | null;
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                conversation_id: string;
                                media: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    content_type: string;
                                    /** @description The processed image: no EXIF, no GPS */
                                    url: string;
                                    thumbnail_url: string;
                                    width: number;
                                    height: number;
                                    blurhash: string;
                                    alt: string;
                                }[];
                                mentions: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                }[];
                                tags: string[];
                                counts: {
                                    likes: number;
                                    reposts: number;
                                    replies: number;
                                    impressions: number;
                                };
                                viewer: {
                                    liked: boolean;
                                    reposted: boolean;
                                };
                                repost_of: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    author: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        handle: string;
                                        display_name: string;
                                        avatar_url: string | null;
                                    };
                                    text: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    reply_to_id: string | null;
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    conversation_id: string;
                                    media: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        content_type: string;
                                        /** @description The processed image: no EXIF, no GPS */
                                        url: string;
                                        thumbnail_url: string;
                                        width: number;
                                        height: number;
                                        blurhash: string;
                                        alt: string;
                                    }[];
                                    mentions: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        handle: string;
                                    }[];
                                    tags: string[];
                                    counts: {
                                        likes: number;
                                        reposts: number;
                                        replies: number;
                                        impressions: number;
                                    };
                                    viewer: {
                                        liked: boolean;
                                        reposted: boolean;
                                    };
                                } | null;
                            } | {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                /** @enum {boolean} */
                                deleted: true;
                            })[];
                            post: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                author: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                    avatar_url: string | null;
                                };
                                text: string;
                                /** Format: date-time */
                                created_at: string;
                                reply_to_id: string | null;
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                conversation_id: string;
                                media: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    content_type: string;
                                    /** @description The processed image: no EXIF, no GPS */
                                    url: string;
                                    thumbnail_url: string;
                                    width: number;
                                    height: number;
                                    blurhash: string;
                                    alt: string;
                                }[];
                                mentions: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                }[];
                                tags: string[];
                                counts: {
                                    likes: number;
                                    reposts: number;
                                    replies: number;
                                    impressions: number;
                                };
                                viewer: {
                                    liked: boolean;
                                    reposted: boolean;
                                };
                                repost_of: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    author: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        handle: string;
                                        display_name: string;
                                        avatar_url: string | null;
                                    };
                                    text: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    reply_to_id: string | null;
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    conversation_id: string;
                                    media: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        content_type: string;
                                        /** @description The processed image: no EXIF, no GPS */
                                        url: string;
                                        thumbnail_url: string;
                                        width: number;
                                        height: number;
                                        blurhash: string;
                                        alt: string;
                                    }[];
                                    mentions: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        handle: string;
                                    }[];
                                    tags: string[];
                                    counts: {
                                        likes: number;
                                        reposts: number;
                                        replies: number;
                                        impressions: number;
                                    };
                                    viewer: {
                                        liked: boolean;
                                        reposted: boolean;
                                    };
                                } | null;
                            };
                            descendants: ({
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                author: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                    avatar_url: string | null;
                                };
                                text: string;
                                /** Format: date-time */
                                created_at: string;
                                reply_to_id: string | null;
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                conversation_id: string;
                                media: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    content_type: string;
                                    /** @description The processed image: no EXIF, no GPS */
                                    url: string;
                                    thumbnail_url: string;
                                    width: number;
                                    height: number;
                                    blurhash: string;
                                    alt: string;
                                }[];
                                mentions: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                }[];
                                tags: string[];
                                counts: {
                                    likes: number;
                                    reposts: number;
                                    replies: number;
                                    impressions: number;
                                };
                                viewer: {
                                    liked: boolean;
                                    reposted: boolean;
                                };
                                repost_of: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    author: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        handle: string;
                                        display_name: string;
                                        avatar_url: string | null;
                                    };
                                    text: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    reply_to_id: string | null;
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    conversation_id: string;
                                    media: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        content_type: string;
                                        /** @description The processed image: no EXIF, no GPS */
                                        url: string;
                                        thumbnail_url: string;
                                        width: number;
                                        height: number;
                                        blurhash: string;
                                        alt: string;
                                    }[];
                                    mentions: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        handle: string;
                                    }[];
                                    tags: string[];
                                    counts: {
                                        likes: number;
                                        reposts: number;
                                        replies: number;
                                        impressions: number;
                                    };
                                    viewer: {
                                        liked: boolean;
                                        reposted: boolean;
                                    };
                                } | null;
                            } | {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                /** @enum {boolean} */
                                deleted: true;
                            })[];
                            next_after: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/posts/{id}/repost": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Repost (201; 200 with your repost when you had reposted it already) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            id: string;
                            author: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                handle: string;
                                display_name: string;
                                avatar_url: string | null;
                            };
                            text: string;
                            /** Format: date-time */
                            created_at: string;
                            reply_to_id: string | null;
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            conversation_id: string;
                            media: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                content_type: string;
                                /** @description The processed image: no EXIF, no GPS */
                                url: string;
                                thumbnail_url: string;
                                width: number;
                                height: number;
                                blurhash: string;
                                alt: string;
                            }[];
                            mentions: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                handle: string;
                            }[];
                            tags: string[];
                            counts: {
                                likes: number;
                                reposts: number;
                                replies: number;
                                impressions: number;
                            };
                            viewer: {
                                liked: boolean;
                                reposted: boolean;
                            };
                            repost_of: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                author: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                    avatar_url: string | null;
                                };
                                text: string;
                                /** Format: date-time */
                                created_at: string;
                                reply_to_id: string | null;
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                conversation_id: string;
                                media: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    content_type: string;
                                    /** @description The processed image: no EXIF, no GPS */
                                    url: string;
                                    thumbnail_url: string;
                                    width: number;
                                    height: number;
                                    blurhash: string;
                                    alt: string;
                                }[];
                                mentions: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                }[];
                                tags: string[];
                                counts: {
                                    likes: number;
                                    reposts: number;
                                    replies: number;
                                    impressions: number;
                                };
                                viewer: {
                                    liked: boolean;
                                    reposted: boolean;
                                };
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            id: string;
                            author: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                handle: string;
                                display_name: string;
                                avatar_url: string | null;
                            };
                            text: string;
                            /** Format: date-time */
                            created_at: string;
                            reply_to_id: string | null;
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            conversation_id: string;
                            media: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                content_type: string;
                                /** @description The processed image: no EXIF, no GPS */
                                url: string;
                                thumbnail_url: string;
                                width: number;
                                height: number;
                                blurhash: string;
                                alt: string;
                            }[];
                            mentions: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                handle: string;
                            }[];
                            tags: string[];
                            counts: {
                                likes: number;
                                reposts: number;
                                replies: number;
                                impressions: number;
                            };
                            viewer: {
                                liked: boolean;
                                reposted: boolean;
                            };
                            repost_of: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                author: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                    avatar_url: string | null;
                                };
                                text: string;
                                /** Format: date-time */
                                created_at: string;
                                reply_to_id: string | null;
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                conversation_id: string;
                                media: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    content_type: string;
                                    /** @description The processed image: no EXIF, no GPS */
                                    url: string;
                                    thumbnail_url: string;
                                    width: number;
                                    height: number;
                                    blurhash: string;
                                    alt: string;
                                }[];
                                mentions: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                }[];
                                tags: string[];
                                counts: {
                                    likes: number;
                                    reposts: number;
                                    replies: number;
                                    impressions: number;
                                };
                                viewer: {
                                    liked: boolean;
                                    reposted: boolean;
                                };
                            } | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The post you reply to was deleted (/problems/reply-to-deleted) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /** Undo your repost (200 also when there was none) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reposted: boolean;
                            reposts: number;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The post you reply to was deleted (/problems/reply-to-deleted) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/posts/{id}/like": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Like (twice is one like) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            liked: boolean;
                            likes: number;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The post you reply to was deleted (/problems/reply-to-deleted) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /** Unlike (200 also when not liked) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            liked: boolean;
                            likes: number;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The post you reply to was deleted (/problems/reply-to-deleted) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/posts/{id}/liked_by": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who liked the post */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                handle: string;
                                display_name: string;
                                avatar_url: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/posts/{id}/reposted_by": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who reposted the post, newest first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                handle: string;
                                display_name: string;
                                avatar_url: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/profiles/{id}/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A profile's posts and reposts, newest first (max_id, since_id) */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    max_id?: string;
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    since_id?: string;
                };
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                author: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                    avatar_url: string | null;
                                };
                                text: string;
                                /** Format: date-time */
                                created_at: string;
                                reply_to_id: string | null;
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                conversation_id: string;
                                media: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    content_type: string;
                                    /** @description The processed image: no EXIF, no GPS */
                                    url: string;
                                    thumbnail_url: string;
                                    width: number;
                                    height: number;
                                    blurhash: string;
                                    alt: string;
                                }[];
                                mentions: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                }[];
                                tags: string[];
                                counts: {
                                    likes: number;
                                    reposts: number;
                                    replies: number;
                                    impressions: number;
                                };
                                viewer: {
                                    liked: boolean;
                                    reposted: boolean;
                                };
                                repost_of: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    author: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        handle: string;
                                        display_name: string;
                                        avatar_url: string | null;
                                    };
                                    text: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    reply_to_id: string | null;
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    conversation_id: string;
                                    media: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        content_type: string;
                                        /** @description The processed image: no EXIF, no GPS */
                                        url: string;
                                        thumbnail_url: string;
                                        width: number;
                                        height: number;
                                        blurhash: string;
                                        alt: string;
                                    }[];
                                    mentions: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        handle: string;
                                    }[];
                                    tags: string[];
                                    counts: {
                                        likes: number;
                                        reposts: number;
                                        replies: number;
                                        impressions: number;
                                    };
                                    viewer: {
                                        liked: boolean;
                                        reposted: boolean;
                                    };
                                } | null;
                            }[];
                            next_max_id: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/tags/{tag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The posts with a hashtag, newest first (max_id, since_id) */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    max_id?: string;
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    since_id?: string;
                };
                header?: never;
                path: {
                    tag: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                author: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                    avatar_url: string | null;
                                };
                                text: string;
                                /** Format: date-time */
                                created_at: string;
                                reply_to_id: string | null;
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                conversation_id: string;
                                media: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    content_type: string;
                                    /** @description The processed image: no EXIF, no GPS */
                                    url: string;
                                    thumbnail_url: string;
                                    width: number;
                                    height: number;
                                    blurhash: string;
                                    alt: string;
                                }[];
                                mentions: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                }[];
                                tags: string[];
                                counts: {
                                    likes: number;
                                    reposts: number;
                                    replies: number;
                                    impressions: number;
                                };
                                viewer: {
                                    liked: boolean;
                                    reposted: boolean;
                                };
                                repost_of: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    author: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        handle: string;
                                        display_name: string;
                                        avatar_url: string | null;
                                    };
                                    text: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    reply_to_id: string | null;
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    conversation_id: string;
                                    media: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        content_type: string;
                                        /** @description The processed image: no EXIF, no GPS */
                                        url: string;
                                        thumbnail_url: string;
                                        width: number;
                                        height: number;
                                        blurhash: string;
                                        alt: string;
                                    }[];
                                    mentions: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        handle: string;
                                    }[];
                                    tags: string[];
                                    counts: {
                                        likes: number;
                                        reposts: number;
                                        replies: number;
                                        impressions: number;
                                    };
                                    viewer: {
                                        liked: boolean;
                                        reposted: boolean;
                                    };
                                } | null;
                            }[];
                            next_max_id: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/timelines/home": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The posts of the accounts you follow, and yours, newest first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    /**
                     * @description Entries older than this id
                     * @example 7391820048710582273
                     */
                    max_id?: string;
                    /**
                     * @description Entries newer than this id
                     * @example 7391820048710582273
                     */
                    since_id?: string;
                    /**
                     * @description The entries just newer than this id (filling a gap upwards)
                     * @example 7391820048710582273
                     */
                    min_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                author: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                    avatar_url: string | null;
                                };
                                text: string;
                                /** Format: date-time */
                                created_at: string;
                                reply_to_id: string | null;
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                conversation_id: string;
                                media: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    content_type: string;
                                    /** @description The processed image: no EXIF, no GPS */
                                    url: string;
                                    thumbnail_url: string;
                                    width: number;
                                    height: number;
                                    blurhash: string;
                                    alt: string;
                                }[];
                                mentions: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                }[];
                                tags: string[];
                                counts: {
                                    likes: number;
                                    reposts: number;
                                    replies: number;
                                    impressions: number;
                                };
                                viewer: {
                                    liked: boolean;
                                    reposted: boolean;
                                };
                                repost_of: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    author: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        handle: string;
                                        display_name: string;
                                        avatar_url: string | null;
                                    };
                                    text: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    reply_to_id: string | null;
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    conversation_id: string;
                                    media: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        content_type: string;
                                        /** @description The processed image: no EXIF, no GPS */
                                        url: string;
                                        thumbnail_url: string;
                                        width: number;
                                        height: number;
                                        blurhash: string;
                                        alt: string;
                                    }[];
                                    mentions: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        handle: string;
                                    }[];
                                    tags: string[];
                                    counts: {
                                        likes: number;
                                        reposts: number;
                                        replies: number;
                                        impressions: number;
                                    };
                                    viewer: {
                                        liked: boolean;
                                        reposted: boolean;
                                    };
                                } | null;
                            }[];
                            /** @description Send as max_id for the older page; null at the end */
                            next_max_id: string | null;
                            /** @description Send as since_id to poll for newer posts. At most the newest id older than 5 s: fan-out batches commit out of order, so the last seconds are asked again (drop duplicates by id) */
                            next_since_id: string | null;
                            /** @description The timeline was rebuilt for this read (first read after a long absence) */
                            rebuilt: boolean;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An image: its owner sees it always, others as they see the post it is in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            id: string;
                            content_type: string;
                            /** @description The processed image: no EXIF, no GPS */
                            url: string;
                            thumbnail_url: string;
                            width: number;
                            height: number;
                            blurhash: string;
                            alt: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the alt text of one of your images */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Alt text for screen readers */
                        alt: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            id: string;
                            content_type: string;
                            /** @description The processed image: no EXIF, no GPS */
                            url: string;
                            thumbnail_url: string;
                            width: number;
                            height: number;
                            blurhash: string;
                            alt: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/social/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search profiles (best first) or posts (newest first; `#tag` for a hashtag) */
        get: {
            parameters: {
                query: {
                    /** @description Words of a handle or name */
                    q: string;
                    type: "profiles" | "posts";
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                handle: string;
                                display_name: string;
                                avatar_url: string | null;
                            }[];
                            next_cursor: string | null;
                        } | {
                            items: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                author: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                    avatar_url: string | null;
                                };
                                text: string;
                                /** Format: date-time */
                                created_at: string;
                                reply_to_id: string | null;
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                conversation_id: string;
                                media: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    content_type: string;
                                    /** @description The processed image: no EXIF, no GPS */
                                    url: string;
                                    thumbnail_url: string;
                                    width: number;
                                    height: number;
                                    blurhash: string;
                                    alt: string;
                                }[];
                                mentions: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                }[];
                                tags: string[];
                                counts: {
                                    likes: number;
                                    reposts: number;
                                    replies: number;
                                    impressions: number;
                                };
                                viewer: {
                                    liked: boolean;
                                    reposted: boolean;
                                };
                                repost_of: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    author: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        handle: string;
                                        display_name: string;
                                        avatar_url: string | null;
                                    };
                                    text: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    reply_to_id: string | null;
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    conversation_id: string;
                                    media: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        content_type: string;
                                        /** @description The processed image: no EXIF, no GPS */
                                        url: string;
                                        thumbnail_url: string;
                                        width: number;
                                        height: number;
                                        blurhash: string;
                                        alt: string;
                                    }[];
                                    mentions: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        handle: string;
                                    }[];
                                    tags: string[];
                                    counts: {
                                        likes: number;
                                        reposts: number;
                                        replies: number;
                                        impressions: number;
                                    };
                                    viewer: {
                                        liked: boolean;
                                        reposted: boolean;
                                    };
                                } | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post as userID (brief 002): your own profile, or any for an operator */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description As `text` of POST /v1/social/posts */
                        text: string;
                        /** @description Your profile id; an operator may name another profile to post as it */
                        userID: string | number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            tweetId: string;
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            id: string;
                            author: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                handle: string;
                                display_name: string;
                                avatar_url: string | null;
                            };
                            text: string;
                            /** Format: date-time */
                            created_at: string;
                            reply_to_id: string | null;
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            conversation_id: string;
                            media: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                content_type: string;
                                /** @description The processed image: no EXIF, no GPS */
                                url: string;
                                thumbnail_url: string;
                                width: number;
                                height: number;
                                blurhash: string;
                                alt: string;
                            }[];
                            mentions: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                handle: string;
                            }[];
                            tags: string[];
                            counts: {
                                likes: number;
                                reposts: number;
                                replies: number;
                                impressions: number;
                            };
                            viewer: {
                                liked: boolean;
                                reposted: boolean;
                            };
                            repost_of: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                author: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                    avatar_url: string | null;
                                };
                                text: string;
                                /** Format: date-time */
                                created_at: string;
                                reply_to_id: string | null;
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                conversation_id: string;
                                media: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    content_type: string;
                                    /** @description The processed image: no EXIF, no GPS */
                                    url: string;
                                    thumbnail_url: string;
                                    width: number;
                                    height: number;
                                    blurhash: string;
                                    alt: string;
                                }[];
                                mentions: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                }[];
                                tags: string[];
                                counts: {
                                    likes: number;
                                    reposts: number;
                                    replies: number;
                                    impressions: number;
                                };
                                viewer: {
                                    liked: boolean;
                                    reposted: boolean;
                                };
                            } | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description A post needs text or media (/problems/post-empty); The post is longer than allowed (/problems/post-too-long); This media cannot be attached (not yours, already attached, or unknown) (/problems/media-unusable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fetch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** userID's home timeline, newest first, `length` posts (brief 002) */
        get: {
            parameters: {
                query: {
                    /**
                     * @description Your profile id (an operator: anyone’s)
                     * @example 7391820048710582273
                     */
                    userID: string;
                    /** @description Posts, 1–100 */
                    length: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                id: string;
                                author: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                    display_name: string;
                                    avatar_url: string | null;
                                };
                                text: string;
                                /** Format: date-time */
                                created_at: string;
                                reply_to_id: string | null;
                                /**
                                 * @description A 64-bit id as a decimal string
                                 * @example 7391820048710582273
                                 */
                                conversation_id: string;
                                media: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    content_type: string;
                                    /** @description The processed image: no EXIF, no GPS */
                                    url: string;
                                    thumbnail_url: string;
                                    width: number;
                                    height: number;
                                    blurhash: string;
                                    alt: string;
                                }[];
                                mentions: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    handle: string;
                                }[];
                                tags: string[];
                                counts: {
                                    likes: number;
                                    reposts: number;
                                    replies: number;
                                    impressions: number;
                                };
                                viewer: {
                                    liked: boolean;
                                    reposted: boolean;
                                };
                                repost_of: {
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    id: string;
                                    author: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        handle: string;
                                        display_name: string;
                                        avatar_url: string | null;
                                    };
                                    text: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    reply_to_id: string | null;
                                    /**
                                     * @description A 64-bit id as a decimal string
                                     * @example 7391820048710582273
                                     */
                                    conversation_id: string;
                                    media: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        content_type: string;
                                        /** @description The processed image: no EXIF, no GPS */
                                        url: string;
                                        thumbnail_url: string;
                                        width: number;
                                        height: number;
                                        blurhash: string;
                                        alt: string;
                                    }[];
                                    mentions: {
                                        /**
                                         * @description A 64-bit id as a decimal string
                                         * @example 7391820048710582273
                                         */
                                        id: string;
                                        handle: string;
                                    }[];
                                    tags: string[];
                                    counts: {
                                        likes: number;
                                        reposts: number;
                                        replies: number;
                                        impressions: number;
                                    };
                                    viewer: {
                                        liked: boolean;
                                        reposted: boolean;
                                    };
                                } | null;
                            }[];
                            /** @description Send as max_id for the older page; null at the end */
                            next_max_id: string | null;
                            /** @description Send as since_id to poll for newer posts. At most the newest id older than 5 s: fan-out batches commit out of order, so the last seconds are asked again (drop duplicates by id) */
                            next_since_id: string | null;
                            /** @description The timeline was rebuilt for this read (first read after a long absence) */
                            rebuilt: boolean;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tweet/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One post in the shape of brief 003 (an impression, as GET /v1/social/posts/:id) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /**
                     * @description A 64-bit id as a decimal string
                     * @example 7391820048710582273
                     */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            tweetId: string;
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            userId: string;
                            /** @description A repost's: the text of the post reposted */
                            content: string;
                            /** @description The URL of the first image, or "" when none */
                            media: string;
                            impressions: number;
                            likes: number;
                            /** Format: date-time */
                            date: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tweet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post with at most one image, by id or URL (brief 003) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: string;
                        /** @description One of your unattached images: its media id, or its URL (`/v1/blobs/<hash>`); "" for none */
                        media?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            tweetId: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description A post needs text or media (/problems/post-empty); The post is longer than allowed (/problems/post-too-long); This media cannot be attached (not yours, already attached, or unknown) (/problems/media-unusable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/like": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Like a post (brief 003); liking it again is still one like */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The post to like */
                        tweetId: string | number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            tweetId: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The post you reply to was deleted (/problems/reply-to-deleted) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's services, oldest first */
        get: {
            parameters: {
                query: {
                    org_id: string;
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                org_id: string;
                                name: string;
                                kind: "certificate" | "fetched" | "static";
                                lifetime_minutes: number;
                                renewal_window: {
                                    start: number;
                                    end: number;
                                    danger_at: number;
                                };
                                /** @description push (default): Meridian POSTs to the node; pull: an agent on the node long-polls */
                                mode: "push" | "pull";
                                push_url_template: string | null;
                                fetch_url_template: string | null;
                                static_metadata: {
                                    [key: string]: unknown;
                                } | null;
                                concurrency: number;
                                node_source: {
                                    location: string;
                                    s3_endpoint: string | null;
                                    s3_region: string | null;
                                    has_credentials: boolean;
                                    allow_empty: boolean;
                                    etag: string | null;
                                    checked_at: string | null;
                                    synced_at: string | null;
                                    error: string | null;
                                } | null;
                                failure_alarm_ratio: number;
                                version: number;
                                /** Format: date-time */
                                created_at: string;
                                /** Format: date-time */
                                updated_at: string;
                                /** @description Remarks on the window, once */
                                notes?: string[];
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Onboard a service (owners and admins of the body's org_id) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        org_id: string;
                        name: string;
                        kind: "certificate" | "fetched" | "static";
                        /** @description 1 minute to 398 days */
                        lifetime_minutes: number;
                        renewal_window?: {
                            /** @description Fraction of the lifetime; default 0.5 */
                            start?: number;
                            /** @description Default 0.6 */
                            end?: number;
                            /** @description Default 0.9 */
                            danger_at?: number;
                        };
                        /** @description push (default): Meridian POSTs to the node; pull: an agent on the node long-polls */
                        mode?: "push" | "pull";
                        /** @description An https URL; `{node}` is replaced by the node name */
                        push_url_template?: string;
                        /** @description An https URL; `{node}` is replaced by the node name */
                        fetch_url_template?: string;
                        static_metadata?: {
                            [key: string]: unknown;
                        };
                        concurrency?: number;
                        node_source?: {
                            /** @description s3://bucket/key or https://… */
                            location: string;
                            s3_endpoint?: string;
                            s3_region?: string;
                            access_key_id?: string;
                            secret_access_key?: string;
                            session_token?: string;
                            /** @description Let a list of no nodes remove every node (default false) */
                            allow_empty?: boolean;
                        } | null;
                        /** @description The share of failing nodes that raises the service-failing alarm; default 0.2 */
                        failure_alarm_ratio?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            org_id: string;
                            name: string;
                            kind: "certificate" | "fetched" | "static";
                            lifetime_minutes: number;
                            renewal_window: {
                                start: number;
                                end: number;
                                danger_at: number;
                            };
                            /** @description push (default): Meridian POSTs to the node; pull: an agent on the node long-polls */
                            mode: "push" | "pull";
                            push_url_template: string | null;
                            fetch_url_template: string | null;
                            static_metadata: {
                                [key: string]: unknown;
                            } | null;
                            concurrency: number;
                            node_source: {
                                location: string;
                                s3_endpoint: string | null;
                                s3_region: string | null;
                                has_credentials: boolean;
                                allow_empty: boolean;
                                etag: string | null;
                                checked_at: string | null;
                                synced_at: string | null;
                                error: string | null;
                            } | null;
                            failure_alarm_ratio: number;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description Remarks on the window, once */
                            notes?: string[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The organisation already has a delivery service with this name (/problems/service-name-taken) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The delivery service cannot be set up as given (/problems/invalid-service); Meridian may not call this URL (/problems/target-refused) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/services/{serviceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One service */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            org_id: string;
                            name: string;
                            kind: "certificate" | "fetched" | "static";
                            lifetime_minutes: number;
                            renewal_window: {
                                start: number;
                                end: number;
                                danger_at: number;
                            };
                            /** @description push (default): Meridian POSTs to the node; pull: an agent on the node long-polls */
                            mode: "push" | "pull";
                            push_url_template: string | null;
                            fetch_url_template: string | null;
                            static_metadata: {
                                [key: string]: unknown;
                            } | null;
                            concurrency: number;
                            node_source: {
                                location: string;
                                s3_endpoint: string | null;
                                s3_region: string | null;
                                has_credentials: boolean;
                                allow_empty: boolean;
                                etag: string | null;
                                checked_at: string | null;
                                synced_at: string | null;
                                error: string | null;
                            } | null;
                            failure_alarm_ratio: number;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description Remarks on the window, once */
                            notes?: string[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a service and its nodes (owners and admins); nothing more is delivered */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a service (owners and admins); If-Match or version guards a lost update */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description 1 minute to 398 days */
                        lifetime_minutes?: number;
                        renewal_window?: {
                            /** @description Fraction of the lifetime; default 0.5 */
                            start?: number;
                            /** @description Default 0.6 */
                            end?: number;
                            /** @description Default 0.9 */
                            danger_at?: number;
                        };
                        /** @description An https URL; `{node}` is replaced by the node name */
                        push_url_template?: string;
                        /** @description An https URL; `{node}` is replaced by the node name */
                        fetch_url_template?: string;
                        static_metadata?: {
                            [key: string]: unknown;
                        };
                        concurrency?: number;
                        node_source?: {
                            /** @description s3://bucket/key or https://… */
                            location: string;
                            s3_endpoint?: string;
                            s3_region?: string;
                            access_key_id?: string;
                            secret_access_key?: string;
                            session_token?: string;
                            /** @description Let a list of no nodes remove every node (default false) */
                            allow_empty?: boolean;
                        } | null;
                        /** @description The share of failing nodes that raises the service-failing alarm; default 0.2 */
                        failure_alarm_ratio?: number;
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            org_id: string;
                            name: string;
                            kind: "certificate" | "fetched" | "static";
                            lifetime_minutes: number;
                            renewal_window: {
                                start: number;
                                end: number;
                                danger_at: number;
                            };
                            /** @description push (default): Meridian POSTs to the node; pull: an agent on the node long-polls */
                            mode: "push" | "pull";
                            push_url_template: string | null;
                            fetch_url_template: string | null;
                            static_metadata: {
                                [key: string]: unknown;
                            } | null;
                            concurrency: number;
                            node_source: {
                                location: string;
                                s3_endpoint: string | null;
                                s3_region: string | null;
                                has_credentials: boolean;
                                allow_empty: boolean;
                                etag: string | null;
                                checked_at: string | null;
                                synced_at: string | null;
                                error: string | null;
                            } | null;
                            failure_alarm_ratio: number;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description Remarks on the window, once */
                            notes?: string[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The organisation already has a delivery service with this name (/problems/service-name-taken); The resource was changed by someone else (/problems/version-conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Precondition failed (/problems/precondition-failed) */
                412: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The delivery service cannot be set up as given (/problems/invalid-service); Meridian may not call this URL (/problems/target-refused) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/delivery/services/{serviceId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The nodes counted by phase (healthy, renewing, danger, expired), and the source */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            service_id: string;
                            nodes: number;
                            /** @description Nothing delivered yet */
                            new: number;
                            /** @description Before the renewal window */
                            healthy: number;
                            /** @description In the renewal window */
                            renewing: number;
                            /** @description Past the danger point, not yet expired */
                            danger: number;
                            expired: number;
                            /** @description Whose last delivery failed or was refused */
                            failing: number;
                            /** @description With a delivery in flight */
                            delivering: number;
                            node_source: {
                                location: string;
                                s3_endpoint: string | null;
                                s3_region: string | null;
                                has_credentials: boolean;
                                allow_empty: boolean;
                                etag: string | null;
                                checked_at: string | null;
                                synced_at: string | null;
                                error: string | null;
                            } | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/services/{serviceId}/source/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read the node source now, not at its next periodic read (owners and admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            queued: boolean;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Conflict (/problems/conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/authority": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation's CA certificate, which its nodes and their peers trust */
        get: {
            parameters: {
                query: {
                    org_id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            org_id: string;
                            certificate_pem: string;
                            serial_number: string;
                            /** Format: date-time */
                            not_after: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/services/{serviceId}/nodes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service's nodes by name, each with its delivery status */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    serviceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                name: string;
                                origin: "api" | "source" | "agent";
                                state: "new" | "acknowledged" | "refused" | "failed";
                                phase: "new" | "fresh" | "renewing" | "danger" | "expired";
                                delivered_version: number;
                                current_version: number | null;
                                refused_version: number | null;
                                serial_number: string | null;
                                issued_at: string | null;
                                expires_at: string | null;
                                next_delivery_at: string | null;
                                delivering: boolean;
                                attempts: number;
                                last_attempt_at: string | null;
                                last_success_at: string | null;
                                last_error: string | null;
                                agent_seen_at: string | null;
                                clock_skew_ms: number | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a node (owners and admins; services without a node source) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            origin: "api" | "source" | "agent";
                            state: "new" | "acknowledged" | "refused" | "failed";
                            phase: "new" | "fresh" | "renewing" | "danger" | "expired";
                            delivered_version: number;
                            current_version: number | null;
                            refused_version: number | null;
                            serial_number: string | null;
                            issued_at: string | null;
                            expires_at: string | null;
                            next_delivery_at: string | null;
                            delivering: boolean;
                            attempts: number;
                            last_attempt_at: string | null;
                            last_success_at: string | null;
                            last_error: string | null;
                            agent_seen_at: string | null;
                            clock_skew_ms: number | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Conflict (/problems/conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The delivery service cannot be set up as given (/problems/invalid-service) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/services/{serviceId}/nodes/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One node's delivery status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            origin: "api" | "source" | "agent";
                            state: "new" | "acknowledged" | "refused" | "failed";
                            phase: "new" | "fresh" | "renewing" | "danger" | "expired";
                            delivered_version: number;
                            current_version: number | null;
                            refused_version: number | null;
                            serial_number: string | null;
                            issued_at: string | null;
                            expires_at: string | null;
                            next_delivery_at: string | null;
                            delivering: boolean;
                            attempts: number;
                            last_attempt_at: string | null;
                            last_success_at: string | null;
                            last_error: string | null;
                            agent_seen_at: string | null;
                            clock_skew_ms: number | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a node registered through the API (owners and admins) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Conflict (/problems/conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/services/{serviceId}/nodes/{name}/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver fresh metadata to this node now (owners and admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            origin: "api" | "source" | "agent";
                            state: "new" | "acknowledged" | "refused" | "failed";
                            phase: "new" | "fresh" | "renewing" | "danger" | "expired";
                            delivered_version: number;
                            current_version: number | null;
                            refused_version: number | null;
                            serial_number: string | null;
                            issued_at: string | null;
                            expires_at: string | null;
                            next_delivery_at: string | null;
                            delivering: boolean;
                            attempts: number;
                            last_attempt_at: string | null;
                            last_success_at: string | null;
                            last_error: string | null;
                            agent_seen_at: string | null;
                            clock_skew_ms: number | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/services/{serviceId}/join-tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service's join tokens, newest first, without their secrets */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    serviceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                service_id: string;
                                name: string;
                                /** Format: date-time */
                                expires_at: string;
                                revoked_at: string | null;
                                /** @description Agents that joined with it */
                                joins: number;
                                last_used_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a join token for a pull service's agents (owners and admins); shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description What it is for */
                        name?: string;
                        /** @description Default 1440 (a day) */
                        expires_in_minutes?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            service_id: string;
                            name: string;
                            /** Format: date-time */
                            expires_at: string;
                            revoked_at: string | null;
                            /** @description Agents that joined with it */
                            joins: number;
                            last_used_at: string | null;
                            /** Format: date-time */
                            created_at: string;
                            /** @description The secret, shown only in this answer */
                            token: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Conflict (/problems/conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/services/{serviceId}/join-tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a join token (owners and admins); agents that joined keep their credentials */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                    tokenId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/agent/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join as one node of the join token's service; answers the node's credential once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A join token of the service */
                        token: string;
                        /** @description The node's name */
                        node: string;
                        /** @description PKCS#10 CSR, PEM */
                        csr?: string;
                        /**
                         * Format: date-time
                         * @description The agent's clock when it sent this (ISO 8601), for the skew in the node status
                         */
                        agent_time?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The node's credential, shown only in this answer */
                            credential: string;
                            node: string;
                            service: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                kind: string;
                            };
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The node is not on the service's node source (/problems/node-not-listed) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The agent's certificate signing request is refused (/problems/invalid-csr); The delivery service cannot be set up as given (/problems/invalid-service) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/agent/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Long poll: a version newer than `version` at once, or when one is ready, or 204 */
        get: {
            parameters: {
                query: {
                    /** @description The last version the agent applied or refused; a newer one is answered */
                    version: number;
                    /** @description Seconds to wait for a newer version before answering 204 */
                    wait: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            service: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            node: string;
                            kind: string;
                            version: number;
                            /** Format: date-time */
                            issued_at: string;
                            /** Format: date-time */
                            expires_at: string;
                            metadata: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: date-time
                             * @description Meridian's clock now: the agent counts the expiry from it, not from its own
                             */
                            server_time: string;
                        };
                    };
                };
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/agent/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge the version offered, or refuse it with `error` (a NACK) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                        /** @description Set: the version is refused (a NACK) */
                        error?: string;
                        /**
                         * Format: date-time
                         * @description The agent's clock when it sent this (ISO 8601), for the skew in the node status
                         */
                        agent_time: string;
                        /** @description PKCS#10 CSR, PEM */
                        csr?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            state: "acknowledged" | "refused";
                            /** Format: date-time */
                            server_time: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Conflict (/problems/conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The agent's certificate signing request is refused (/problems/invalid-csr) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/services/{serviceId}/alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service's open alarms and its last resolved ones */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            open_count: number;
                            /** @description Open alarms, oldest first (at most 100) */
                            open: {
                                /** Format: uuid */
                                id: string;
                                kind: "node-danger" | "node-expired" | "service-failing";
                                node: string | null;
                                summary: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                raised_at: string;
                                resolved_at: string | null;
                            }[];
                            /** @description The 20 last resolved, latest first */
                            recent: {
                                /** Format: uuid */
                                id: string;
                                kind: "node-danger" | "node-expired" | "service-failing";
                                node: string | null;
                                summary: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                raised_at: string;
                                resolved_at: string | null;
                            }[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/services/{serviceId}/rollouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The service's rollouts, newest first: the running one, if any, comes first */
        get: {
            parameters: {
                query: {
                    limit: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    serviceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                service_id: string;
                                state: "running" | "completed" | "aborted" | "cancelled";
                                nodes_per_minute: number;
                                abort_ratio: number;
                                total: number;
                                /** @description Nodes whose rollout delivery ended */
                                attempted: number;
                                acknowledged: number;
                                /** @description Failed or refused */
                                failed: number;
                                /** @description Nodes still waiting for their delivery */
                                pending: number;
                                /** Format: date-time */
                                started_at: string;
                                /** Format: date-time */
                                last_slot_at: string;
                                ended_at: string | null;
                                end_reason: string | null;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Invalid pagination cursor (/problems/invalid-cursor) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Re-issue every node of the service, paced, stopping on failures (owners, admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Nodes made due per minute, evenly spaced (0.5: one every 2 minutes) */
                        nodes_per_minute: number;
                        /** @description Stop once this share of finished deliveries failed (after 10 of them) */
                        abort_ratio: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            service_id: string;
                            state: "running" | "completed" | "aborted" | "cancelled";
                            nodes_per_minute: number;
                            abort_ratio: number;
                            total: number;
                            /** @description Nodes whose rollout delivery ended */
                            attempted: number;
                            acknowledged: number;
                            /** @description Failed or refused */
                            failed: number;
                            /** @description Nodes still waiting for their delivery */
                            pending: number;
                            /** Format: date-time */
                            started_at: string;
                            /** Format: date-time */
                            last_slot_at: string;
                            ended_at: string | null;
                            end_reason: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Conflict (/problems/conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/services/{serviceId}/rollouts/{rolloutId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A rollout's progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                    rolloutId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            service_id: string;
                            state: "running" | "completed" | "aborted" | "cancelled";
                            nodes_per_minute: number;
                            abort_ratio: number;
                            total: number;
                            /** @description Nodes whose rollout delivery ended */
                            attempted: number;
                            acknowledged: number;
                            /** @description Failed or refused */
                            failed: number;
                            /** @description Nodes still waiting for their delivery */
                            pending: number;
                            /** Format: date-time */
                            started_at: string;
                            /** Format: date-time */
                            last_slot_at: string;
                            ended_at: string | null;
                            end_reason: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/services/{serviceId}/rollouts/{rolloutId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop a running rollout; nodes not yet re-issued keep their own schedule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                    rolloutId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            service_id: string;
                            state: "running" | "completed" | "aborted" | "cancelled";
                            nodes_per_minute: number;
                            abort_ratio: number;
                            total: number;
                            /** @description Nodes whose rollout delivery ended */
                            attempted: number;
                            acknowledged: number;
                            /** @description Failed or refused */
                            failed: number;
                            /** @description Nodes still waiting for their delivery */
                            pending: number;
                            /** Format: date-time */
                            started_at: string;
                            /** Format: date-time */
                            last_slot_at: string;
                            ended_at: string | null;
                            end_reason: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Conflict (/problems/conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/delivery/services/{serviceId}/nodes/{name}/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the node runs now: its last acknowledged metadata (no private key) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    serviceId: string;
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            service: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            node: string;
                            kind: string;
                            version: number;
                            /** Format: date-time */
                            issued_at: string;
                            /** Format: date-time */
                            expires_at: string;
                            /** @description What the node acknowledged; a certificate without its private key */
                            metadata: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/GetMetaData": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A node's current metadata (alias of …/nodes/{name}/metadata) */
        get: {
            parameters: {
                query?: {
                    /** @description The service's id, or its name in the organisation */
                    serviceName_id?: string;
                    /** @description The service's id, or its name in the organisation */
                    servicename_id?: string;
                    org_id?: string;
                    node_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            service: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            node: string;
                            kind: string;
                            version: number;
                            /** Format: date-time */
                            issued_at: string;
                            /** Format: date-time */
                            expires_at: string;
                            /** @description What the node acknowledged; a certificate without its private key */
                            metadata: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request); Request validation failed (/problems/validation-failed) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /** A node's current metadata (alias of …/nodes/{name}/metadata) */
        post: {
            parameters: {
                query?: {
                    /** @description The service's id, or its name in the organisation */
                    serviceName_id?: string;
                    /** @description The service's id, or its name in the organisation */
                    servicename_id?: string;
                    org_id?: string;
                    node_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The service's id, or its name in the organisation */
                        serviceName_id?: string;
                        /** @description The service's id, or its name in the organisation */
                        servicename_id?: string;
                        /** Format: uuid */
                        org_id?: string;
                        node_id?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            service: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            node: string;
                            kind: string;
                            version: number;
                            /** Format: date-time */
                            issued_at: string;
                            /** Format: date-time */
                            expires_at: string;
                            /** @description What the node acknowledged; a certificate without its private key */
                            metadata: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request); Request validation failed (/problems/validation-failed) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/Register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Onboard a service from its node list (alias of POST /v1/delivery/services) */
        post: {
            parameters: {
                query?: {
                    /** @description The service's id, or its name in the organisation */
                    serviceName_id?: string;
                    /** @description The service's id, or its name in the organisation */
                    servicename_id?: string;
                    org_id?: string;
                    /** @description s3://bucket/key or https://… */
                    s3_file_link?: string;
                    push_url_template?: string;
                    kind?: "certificate" | "fetched" | "static";
                    lifetime_minutes?: number;
                    s3_region?: string;
                    s3_endpoint?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The service's id, or its name in the organisation */
                        serviceName_id?: string;
                        /** @description The service's id, or its name in the organisation */
                        servicename_id?: string;
                        /** Format: uuid */
                        org_id?: string;
                        /** @description s3://bucket/key or https://… */
                        s3_file_link?: string;
                        push_url_template?: string;
                        kind?: "certificate" | "fetched" | "static";
                        lifetime_minutes?: number;
                        s3_region?: string;
                        s3_endpoint?: string;
                        access_key_id?: string;
                        secret_access_key?: string;
                        session_token?: string;
                        fetch_url_template?: string;
                        static_metadata?: {
                            [key: string]: unknown;
                        };
                        renewal_window?: {
                            /** @description Fraction of the lifetime; default 0.5 */
                            start?: number;
                            /** @description Default 0.6 */
                            end?: number;
                            /** @description Default 0.9 */
                            danger_at?: number;
                        };
                        concurrency?: number;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            org_id: string;
                            name: string;
                            kind: "certificate" | "fetched" | "static";
                            lifetime_minutes: number;
                            renewal_window: {
                                start: number;
                                end: number;
                                danger_at: number;
                            };
                            /** @description push (default): Meridian POSTs to the node; pull: an agent on the node long-polls */
                            mode: "push" | "pull";
                            push_url_template: string | null;
                            fetch_url_template: string | null;
                            static_metadata: {
                                [key: string]: unknown;
                            } | null;
                            concurrency: number;
                            node_source: {
                                location: string;
                                s3_endpoint: string | null;
                                s3_region: string | null;
                                has_credentials: boolean;
                                allow_empty: boolean;
                                etag: string | null;
                                checked_at: string | null;
                                synced_at: string | null;
                                error: string | null;
                            } | null;
                            failure_alarm_ratio: number;
                            version: number;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description Remarks on the window, once */
                            notes?: string[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request); Request validation failed (/problems/validation-failed) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The organisation already has a delivery service with this name (/problems/service-name-taken) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The delivery service cannot be set up as given (/problems/invalid-service); Meridian may not call this URL (/problems/target-refused) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/Refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a node and deliver to it at once, or deliver to a node the service has now (alias of …/nodes and …/nodes/{name}/deliver) */
        post: {
            parameters: {
                query?: {
                    /** @description The service's id, or its name in the organisation */
                    serviceName_id?: string;
                    /** @description The service's id, or its name in the organisation */
                    servicename_id?: string;
                    org_id?: string;
                    new_node_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The service's id, or its name in the organisation */
                        serviceName_id?: string;
                        /** @description The service's id, or its name in the organisation */
                        servicename_id?: string;
                        /** Format: uuid */
                        org_id?: string;
                        new_node_id?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            origin: "api" | "source" | "agent";
                            state: "new" | "acknowledged" | "refused" | "failed";
                            phase: "new" | "fresh" | "renewing" | "danger" | "expired";
                            delivered_version: number;
                            current_version: number | null;
                            refused_version: number | null;
                            serial_number: string | null;
                            issued_at: string | null;
                            expires_at: string | null;
                            next_delivery_at: string | null;
                            delivering: boolean;
                            attempts: number;
                            last_attempt_at: string | null;
                            last_success_at: string | null;
                            last_error: string | null;
                            agent_seen_at: string | null;
                            clock_skew_ms: number | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            origin: "api" | "source" | "agent";
                            state: "new" | "acknowledged" | "refused" | "failed";
                            phase: "new" | "fresh" | "renewing" | "danger" | "expired";
                            delivered_version: number;
                            current_version: number | null;
                            refused_version: number | null;
                            serial_number: string | null;
                            issued_at: string | null;
                            expires_at: string | null;
                            next_delivery_at: string | null;
                            delivering: boolean;
                            attempts: number;
                            last_attempt_at: string | null;
                            last_success_at: string | null;
                            last_error: string | null;
                            agent_seen_at: string | null;
                            clock_skew_ms: number | null;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Bad request (/problems/bad-request); Request validation failed (/problems/validation-failed) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Conflict (/problems/conflict) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The delivery service cannot be set up as given (/problems/invalid-service) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/organisations/{orgId}/delivery-ranges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The private ranges the organisation's deliveries may reach */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            org_id: string;
                            ranges: string[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /** Replace the private ranges the organisation's deliveries may reach (operators) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description CIDR ranges (10.20.0.0/16, fd00::/8) or single addresses; [] allows none */
                        ranges: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            org_id: string;
                            ranges: string[];
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Request validation failed (/problems/validation-failed) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orgs/{orgId}/inventory/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a CSV file of items or levels (text/csv); it runs as a job */
        post: {
            parameters: {
                query: {
                    kind: "items" | "levels";
                    error_policy: "reject_all" | "reject_failed_rows";
                };
                header?: never;
                path: {
                    orgId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            /** @description reject_all: any failed row and nothing is written (422); reject_failed_rows: the others are */
                            error_policy: "reject_all" | "reject_failed_rows";
                            state: "queued" | "running" | "completed" | "failed";
                            columns: string[];
                            ignored_columns: string[];
                            total: number;
                            processed: number;
                            counts: {
                                created: number;
                                updated: number;
                                unchanged: number;
                                failed: number;
                            };
                            /** @description The first 1,000 failed rows */
                            errors: {
                                /** @description The index in rows (JSON), or the line of the file (CSV) */
                                row: number;
                                status: "created" | "updated" | "unchanged" | "failed";
                                /** Format: uuid */
                                id?: string;
                                error?: {
                                    /** @description /problems/<name>, as docs/errors.md lists them */
                                    type: string;
                                    /** @description The status the row would have had on its own */
                                    status: number;
                                    detail: string;
                                };
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            started_at: string | null;
                            finished_at: string | null;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Forbidden (/problems/forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Not found (/problems/not-found) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Request body too large (/problems/payload-too-large) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Unsupported media type (/problems/unsupported-media-type) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Unprocessable request (/problems/unprocessable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/social/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload an image for a post: the raw bytes as the body
         * @description JPEG, PNG, WebP or GIF (sniffed from the bytes; a Content-Type naming another image type is refused), at most SOCIAL_MEDIA_MAX_BYTES. Kept resized to fit 2,048 px and re-encoded without EXIF, GPS or XMP; the original is not kept.
         */
        post: {
            parameters: {
                query?: {
                    /** @description Alt text for screen readers */
                    alt?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description A 64-bit id as a decimal string
                             * @example 7391820048710582273
                             */
                            id: string;
                            content_type: string;
                            /** @description The processed image: no EXIF, no GPS */
                            url: string;
                            thumbnail_url: string;
                            width: number;
                            height: number;
                            blurhash: string;
                            alt: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Request body too large (/problems/payload-too-large) */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Unsupported media type (/problems/unsupported-media-type) */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The file is not the type it claims to be (/problems/media-type-mismatch); The image could not be read (/problems/media-unreadable) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stream/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A single-use ticket (valid 60 s) to open a stream from a browser */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Use once, as ?ticket=, on /v1/stream or /v1/stream/sse */
                            ticket: string;
                            /** Format: date-time */
                            expires_at: string;
                        };
                    };
                };
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stream/sse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server-Sent Events of the given topics (text/event-stream) */
        get: {
            parameters: {
                query: {
                    /** @description Comma-separated topics: user:<id>, org:<id>, <module>:<id> */
                    topics: string;
                    /** @description A ticket from POST /v1/stream/tickets */
                    ticket?: string;
                    /** @description Replay the events after this id (as the Last-Event-ID header does) */
                    last_event_id?: string;
                };
                header?: {
                    /** @description Replay the events after this id (as the Last-Event-ID header does) */
                    "last-event-id"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Request validation failed (/problems/validation-failed); Malformed JSON body (/problems/malformed-json); Not a stream topic (/problems/topic-invalid) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Authentication required (/problems/unauthorized) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Stream topic not allowed (/problems/topic-forbidden) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description Names the problem: /problems/<name>, see docs/errors.md */
                            type: string;
                            title: string;
                            status: number;
                            detail: string;
                            /** @description The request id */
                            instance: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
