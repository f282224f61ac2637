// The API as the web app sees it: generated from the server routes by `npm run gen:api`; do not edit.
export interface paths {
  '/api/account/logins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My sign-ins: time, address, kind of client, outcome (newest first, last 100) */
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
            'application/json': components['schemas']['LoginHistory'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/account/second-factor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** My two-step verification: on or off, required for my role, recovery codes left */
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
            'application/json': components['schemas']['SecondFactorStatus'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/account/second-factor/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm the new authenticator with one of its codes; answers ten recovery codes */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            code: string;
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
            'application/json': {
              /** @description shown once: ten one-time recovery codes */
              recoveryCodes: string[];
            };
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/account/second-factor/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Turn my two-step verification off (not for roles that require it) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/account/second-factor/enrol': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Start setting up (or replacing) my authenticator: the QR code to scan */
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
            'application/json': components['schemas']['TotpEnrolment'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/areas': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Townships and villages of my jurisdiction */
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
            'application/json': {
              items: components['schemas']['Area'][];
            };
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Query the audit log by resident, user, action and time */
    get: {
      parameters: {
        query?: {
          residentId?: number;
          userId?: number;
          username?: string;
          action?: string;
          outcome?: 'ok' | 'denied' | 'failed';
          from?: string;
          to?: string;
          page?: number;
          pageSize?: number;
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
            'application/json': components['schemas']['AuditPage'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in to the web app (sets the session cookie) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            username: string;
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
            'application/json': components['schemas']['Me'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/auth/login/second-factor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Finish a web sign-in with the authenticator code or a recovery code (sets the cookie) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            challenge: string;
            code?: string;
            recoveryCode?: string;
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
            'application/json': components['schemas']['SignedIn'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** End the current session */
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
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user, jurisdiction and abilities */
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
            'application/json': components['schemas']['Me'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change my password */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            oldPassword: string;
            newPassword: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/auth/second-factor/enrol': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Set up the authenticator inside a pending sign-in (the QR code to scan) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            challenge: string;
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
            'application/json': components['schemas']['TotpEnrolment'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/auth/sign-in-info': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What the sign-in page tells: the demo county, who needs two factors, a training environment */
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
            'application/json': components['schemas']['SignInInfo'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/auth/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Get a bearer token for an API client */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            username: string;
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
            'application/json': {
              token: string;
              /** @enum {string} */
              tokenType: 'Bearer';
              expiresAt: string;
            };
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/auth/token/second-factor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Finish an API sign-in with the authenticator code or a recovery code */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            challenge: string;
            code?: string;
            recoveryCode?: string;
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
            'application/json': {
              token: string;
              /** @enum {string} */
              tokenType: 'Bearer';
              expiresAt: string;
              /** @description shown once: ten one-time recovery codes */
              recoveryCodes?: string[];
            };
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/doctors': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Doctors who can be a resident’s responsible doctor in my county */
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
            'application/json': {
              items: components['schemas']['Doctor'][];
            };
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/enrolments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Correct a register entry: diagnosis date and source, managing doctor */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            diagnosisDate?: string;
            diagnosisSource?: string;
            managingDoctorId?: number;
            version: number;
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
            'application/json': components['schemas']['Enrolment'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/enrolments/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change a register entry status (managed, lost, moved, deceased, ended) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'managed' | 'lost' | 'moved' | 'deceased' | 'ended';
            date: string;
            reason?: string;
            version: number;
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
            'application/json': components['schemas']['Enrolment'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness and database check */
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
            'application/json': {
              /** @enum {string} */
              status: 'ok';
              /** @enum {string} */
              database: 'pglite' | 'postgres';
            };
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/households': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search households in my jurisdiction (number, head name or pinyin, address; audited) */
    get: {
      parameters: {
        query?: {
          q?: string;
          villageCode?: string;
          townshipCode?: string;
          status?: 'active' | 'dissolved' | 'all';
          page?: number;
          pageSize?: number;
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
            'application/json': components['schemas']['HouseholdList'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    put?: never;
    /** Create a household */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            villageCode: string;
            address: string;
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
            'application/json': components['schemas']['Household'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/households/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A household with its members */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
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
            'application/json': components['schemas']['Household'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/households/{id}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a resident to this household, or move them here from another one */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            residentId: number;
            /** @enum {string} */
            relationToHead: '10' | '20' | '30' | '40' | '50' | '60' | '70' | '80' | '02';
            version: number;
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
            'application/json': components['schemas']['Household'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/institutions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Institutions of my county */
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
            'application/json': {
              items: components['schemas']['Institution'][];
            };
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/residents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Search residents in my jurisdiction (ID number, record number, phone, name, pinyin initials) */
    get: {
      parameters: {
        query?: {
          q?: string;
          villageCode?: string;
          townshipCode?: string;
          sex?: '0' | '1' | '2' | '9';
          ageMin?: number;
          ageMax?: number;
          tag?:
            | 'elderly'
            | 'child'
            | 'hypertension'
            | 'diabetes'
            | 'pregnant'
            | 'severe_mental'
            | 'tuberculosis'
            | 'disability'
            | 'poverty';
          status?: 'active' | 'archived' | 'all';
          householdId?: number;
          sort?: 'name' | 'recordNumber' | 'birthDate' | 'createdAt';
          page?: number;
          pageSize?: number;
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
            'application/json': components['schemas']['ResidentList'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    put?: never;
    /** Create a health record */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            villageCode: string;
            name: string;
            /** @enum {string} */
            sex: '0' | '1' | '2' | '9';
            birthDate: string;
            /** @enum {string} */
            idType: '99' | '01' | '02' | '03' | '04' | '05' | '06' | '07';
            idNumber?: string;
            phone?: string;
            currentAddress: string;
            registeredAddress?: string;
            householdId?: number;
            /** @enum {string} */
            relationToHead?: '10' | '20' | '30' | '40' | '50' | '60' | '70' | '80' | '02';
            responsibleDoctorId?: number;
            recordDate?: string;
            manualTags?: ('pregnant' | 'poverty')[];
            basicInfo: {
              workUnit?: string;
              contactName?: string;
              contactPhone?: string;
              /** @enum {string} */
              residenceType: '1' | '2';
              /** @enum {string} */
              ethnicity:
                | '10'
                | '11'
                | '12'
                | '13'
                | '14'
                | '15'
                | '16'
                | '17'
                | '18'
                | '19'
                | '20'
                | '21'
                | '22'
                | '23'
                | '24'
                | '25'
                | '26'
                | '27'
                | '28'
                | '29'
                | '30'
                | '31'
                | '32'
                | '33'
                | '34'
                | '35'
                | '36'
                | '37'
                | '38'
                | '39'
                | '40'
                | '41'
                | '42'
                | '43'
                | '44'
                | '45'
                | '46'
                | '47'
                | '48'
                | '49'
                | '50'
                | '51'
                | '52'
                | '53'
                | '54'
                | '55'
                | '56'
                | '97'
                | '98'
                | '99'
                | '01'
                | '02'
                | '03'
                | '04'
                | '05'
                | '06'
                | '07'
                | '08'
                | '09';
              ethnicityOther?: string;
              /** @enum {string} */
              bloodType: '1' | '2' | '3' | '4' | '5';
              /** @enum {string} */
              rh: '1' | '2' | '3';
              /** @enum {string} */
              education: '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10';
              /** @enum {string} */
              occupation: '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8';
              /** @enum {string} */
              maritalStatus: '1' | '2' | '3' | '4' | '5';
              paymentMethods: {
                codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8')[];
                other?: string;
              };
              drugAllergy: {
                codes: ('1' | '2' | '3' | '4' | '5')[];
                other?: string;
              };
              exposure: {
                codes: ('1' | '2' | '3' | '4')[];
                other?: string;
              };
              diseases: {
                /** @enum {string} */
                code: '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12' | '13';
                diagnosedAt?: string;
                note?: string;
              }[];
              surgeries: {
                has: boolean;
                items: {
                  name: string;
                  date?: string;
                }[];
              };
              traumas: {
                has: boolean;
                items: {
                  name: string;
                  date?: string;
                }[];
              };
              transfusions: {
                has: boolean;
                items: {
                  name: string;
                  date?: string;
                }[];
              };
              familyHistory: {
                father: {
                  codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12')[];
                  other?: string;
                };
                mother: {
                  codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12')[];
                  other?: string;
                };
                siblings: {
                  codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12')[];
                  other?: string;
                };
                children: {
                  codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12')[];
                  other?: string;
                };
              };
              hereditaryDisease: {
                has: boolean;
                name?: string;
              };
              disability: {
                codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8')[];
                other?: string;
              };
              environment: {
                /** @enum {string} */
                kitchenExhaust: '1' | '2' | '3' | '4';
                /** @enum {string} */
                fuel: '1' | '2' | '3' | '4' | '5' | '6';
                /** @enum {string} */
                drinkingWater: '1' | '2' | '3' | '4' | '5' | '6';
                /** @enum {string} */
                toilet: '1' | '2' | '3' | '4' | '5';
                /** @enum {string} */
                livestockPen: '1' | '2' | '3' | '4';
              };
            };
            confirmPossibleDuplicate?: boolean;
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
            'application/json': components['schemas']['ResidentView'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/residents/count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Count every match of the list query past the list cap (administrators) */
    get: {
      parameters: {
        query?: {
          q?: string;
          villageCode?: string;
          townshipCode?: string;
          sex?: '0' | '1' | '2' | '9';
          ageMin?: number;
          ageMax?: number;
          tag?:
            | 'elderly'
            | 'child'
            | 'hypertension'
            | 'diabetes'
            | 'pregnant'
            | 'severe_mental'
            | 'tuberculosis'
            | 'disability'
            | 'poverty';
          status?: 'active' | 'archived' | 'all';
          householdId?: number;
          sort?: 'name' | 'recordNumber' | 'birthDate' | 'createdAt';
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
            'application/json': components['schemas']['ResidentCount'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/residents/export.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Export the filtered list to Excel (identifiers masked; audited) */
    get: {
      parameters: {
        query?: {
          q?: string;
          villageCode?: string;
          townshipCode?: string;
          sex?: '0' | '1' | '2' | '9';
          ageMin?: number;
          ageMax?: number;
          tag?:
            | 'elderly'
            | 'child'
            | 'hypertension'
            | 'diabetes'
            | 'pregnant'
            | 'severe_mental'
            | 'tuberculosis'
            | 'disability'
            | 'poverty';
          status?: 'active' | 'archived' | 'all';
          householdId?: number;
          sort?: 'name' | 'recordNumber' | 'birthDate' | 'createdAt';
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
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': components['schemas']['ApiError'];
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
  '/api/residents/id-check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Whether the county has a record with this ID number, before a new one is filled in (audited) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            idType: '99' | '01' | '02' | '03' | '04' | '05' | '06' | '07';
            idNumber: string;
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
            'application/json': components['schemas']['IdNumberCheck'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/residents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Read one health record (audited) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
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
            'application/json': components['schemas']['ResidentView'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    /** Update a health record (send the version you edited) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            villageCode: string;
            name: string;
            /** @enum {string} */
            sex: '0' | '1' | '2' | '9';
            birthDate: string;
            /** @enum {string} */
            idType: '99' | '01' | '02' | '03' | '04' | '05' | '06' | '07';
            idNumber?: string;
            phone?: string;
            currentAddress: string;
            registeredAddress?: string;
            householdId?: number;
            /** @enum {string} */
            relationToHead?: '10' | '20' | '30' | '40' | '50' | '60' | '70' | '80' | '02';
            responsibleDoctorId?: number;
            recordDate?: string;
            manualTags?: ('pregnant' | 'poverty')[];
            basicInfo: {
              workUnit?: string;
              contactName?: string;
              contactPhone?: string;
              /** @enum {string} */
              residenceType: '1' | '2';
              /** @enum {string} */
              ethnicity:
                | '10'
                | '11'
                | '12'
                | '13'
                | '14'
                | '15'
                | '16'
                | '17'
                | '18'
                | '19'
                | '20'
                | '21'
                | '22'
                | '23'
                | '24'
                | '25'
                | '26'
                | '27'
                | '28'
                | '29'
                | '30'
                | '31'
                | '32'
                | '33'
                | '34'
                | '35'
                | '36'
                | '37'
                | '38'
                | '39'
                | '40'
                | '41'
                | '42'
                | '43'
                | '44'
                | '45'
                | '46'
                | '47'
                | '48'
                | '49'
                | '50'
                | '51'
                | '52'
                | '53'
                | '54'
                | '55'
                | '56'
                | '97'
                | '98'
                | '99'
                | '01'
                | '02'
                | '03'
                | '04'
                | '05'
                | '06'
                | '07'
                | '08'
                | '09';
              ethnicityOther?: string;
              /** @enum {string} */
              bloodType: '1' | '2' | '3' | '4' | '5';
              /** @enum {string} */
              rh: '1' | '2' | '3';
              /** @enum {string} */
              education: '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10';
              /** @enum {string} */
              occupation: '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8';
              /** @enum {string} */
              maritalStatus: '1' | '2' | '3' | '4' | '5';
              paymentMethods: {
                codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8')[];
                other?: string;
              };
              drugAllergy: {
                codes: ('1' | '2' | '3' | '4' | '5')[];
                other?: string;
              };
              exposure: {
                codes: ('1' | '2' | '3' | '4')[];
                other?: string;
              };
              diseases: {
                /** @enum {string} */
                code: '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12' | '13';
                diagnosedAt?: string;
                note?: string;
              }[];
              surgeries: {
                has: boolean;
                items: {
                  name: string;
                  date?: string;
                }[];
              };
              traumas: {
                has: boolean;
                items: {
                  name: string;
                  date?: string;
                }[];
              };
              transfusions: {
                has: boolean;
                items: {
                  name: string;
                  date?: string;
                }[];
              };
              familyHistory: {
                father: {
                  codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12')[];
                  other?: string;
                };
                mother: {
                  codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12')[];
                  other?: string;
                };
                siblings: {
                  codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12')[];
                  other?: string;
                };
                children: {
                  codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12')[];
                  other?: string;
                };
              };
              hereditaryDisease: {
                has: boolean;
                name?: string;
              };
              disability: {
                codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8')[];
                other?: string;
              };
              environment: {
                /** @enum {string} */
                kitchenExhaust: '1' | '2' | '3' | '4';
                /** @enum {string} */
                fuel: '1' | '2' | '3' | '4' | '5' | '6';
                /** @enum {string} */
                drinkingWater: '1' | '2' | '3' | '4' | '5' | '6';
                /** @enum {string} */
                toilet: '1' | '2' | '3' | '4' | '5';
                /** @enum {string} */
                livestockPen: '1' | '2' | '3' | '4';
              };
            };
            version: number;
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
            'application/json': components['schemas']['ResidentView'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/residents/{id}/archive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Archive a record with a reason (deceased, moved out, other); nothing is deleted */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            reason: 'deceased' | 'moved_out' | 'other';
            date: string;
            note?: string;
            version: number;
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
            'application/json': components['schemas']['ResidentView'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/residents/{id}/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who viewed or changed this record */
    get: {
      parameters: {
        query?: {
          page?: number;
          pageSize?: number;
        };
        header?: never;
        path: {
          id: number;
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
            'application/json': components['schemas']['AuditPage'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/residents/{id}/enrolments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Enrol a resident in a register a doctor enrols in (the program registry lists them) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            program: 'hypertension' | 'diabetes' | 'maternal';
            diagnosisDate?: string;
            diagnosisSource?: string;
            managingDoctorId?: number;
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
            'application/json': components['schemas']['Enrolment'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/residents/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Versions of a record: who changed which fields when, old and new values */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
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
            'application/json': {
              items: components['schemas']['HistoryEntry'][];
            };
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/residents/{id}/restore': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make an archived record active again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            version: number;
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
            'application/json': components['schemas']['ResidentView'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/residents/{id}/services': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Register entries and every service record of a resident, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
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
            'application/json': components['schemas']['ServiceList'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    put?: never;
    /** Record a service of any registry type: draft, or signed with sign=true */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            type: string;
            serviceDate: string;
            /** @enum {string} */
            delivery: 'clinic' | 'home' | 'phone';
            form: {
              [key: string]: unknown;
            };
            /** @default false */
            sign?: boolean;
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
            'application/json': components['schemas']['ServiceRecord'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/residents/{id}/visits': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record one visit that delivers several services (a combined follow-up): one record of each type, all or none */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            serviceDate: string;
            /** @enum {string} */
            delivery: 'clinic' | 'home' | 'phone';
            records: {
              type: string;
              form: {
                [key: string]: unknown;
              };
            }[];
            /** @default false */
            sign?: boolean;
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
            'application/json': components['schemas']['VisitRecords'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/services/drafts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in user's unsigned service records, newest first (audited) */
    get: {
      parameters: {
        query?: {
          limit?: number;
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
            'application/json': components['schemas']['ServiceDraftList'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/services/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One service record (audited) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
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
            'application/json': components['schemas']['ServiceRecord'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    /** Amend a service record (a new version; send the version you edited) */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            serviceDate: string;
            /** @enum {string} */
            delivery: 'clinic' | 'home' | 'phone';
            form: {
              [key: string]: unknown;
            };
            version: number;
            reason?: string;
            sign?: boolean;
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
            'application/json': components['schemas']['ServiceRecord'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/services/{id}/sign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign a draft service record */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            version: number;
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
            'application/json': components['schemas']['ServiceRecord'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/teams': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Family-doctor teams of my county */
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
            'application/json': {
              items: components['schemas']['Team'][];
            };
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Accounts I manage: search by user name or name, filter by role, institution, state */
    get: {
      parameters: {
        query?: {
          q?: string;
          role?:
            | 'village_doctor'
            | 'township_staff'
            | 'township_admin'
            | 'county_admin'
            | 'city_inspector'
            | 'system_admin';
          institutionId?: number;
          active?: 'true' | 'false';
          page?: number;
          pageSize?: number;
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
            'application/json': components['schemas']['UserAccountList'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
      };
    };
    put?: never;
    /** Create an account with a temporary password (to be changed at the first sign-in) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            username: string;
            displayName: string;
            /** @enum {string} */
            role:
              | 'village_doctor'
              | 'township_staff'
              | 'township_admin'
              | 'county_admin'
              | 'city_inspector'
              | 'system_admin';
            institutionCode: string;
            phone?: string;
            teamId?: number;
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
            'application/json': components['schemas']['CreatedUser'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/users/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create accounts from a staff list (CSV or xlsx): a report per row; all rows or none */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            fileName: string;
            content: string;
            /** @default false */
            dryRun?: boolean;
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
            'application/json': components['schemas']['UserImportReport'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/users/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One account */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
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
            'application/json': components['schemas']['UserAccount'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/users/{id}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Disable the account (its sessions end) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
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
            'application/json': components['schemas']['UserAccount'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/users/{id}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Enable the account again */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
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
            'application/json': components['schemas']['UserAccount'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/users/{id}/logins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The account’s sign-ins (newest first, last 100) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
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
            'application/json': components['schemas']['LoginHistory'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/users/{id}/reset-password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give the account a temporary password; its sessions end and it must change it */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
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
            'application/json': {
              temporaryPassword: string;
            };
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/users/{id}/reset-second-factor': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Remove the account’s authenticator and recovery codes (a lost phone); its sessions end */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
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
            'application/json': components['schemas']['UserAccount'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/users/{id}/unlock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Clear the lock and failed sign-in counts of the account at every address */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: number;
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
            'application/json': components['schemas']['UserAccount'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/worklists/chronic': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is due, for a doctor, village or township: managed patients of a register with their due date, days overdue, face-to-face visits this year and last health check; counts by category */
    get: {
      parameters: {
        query: {
          program: 'hypertension' | 'diabetes' | 'elderly' | 'maternal' | 'child_health' | 'immunization';
          villageCode?: string;
          townshipCode?: string;
          doctorId?: number;
          category?: 'overdue' | 'due_week' | 'under_visited' | 'check_missing';
          name?: string;
          limit?: number;
          offset?: number;
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
            'application/json': components['schemas']['Worklist'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  '/api/worklists/chronic/export.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The worklist as an Excel sheet for a day of home visits (audited) */
    get: {
      parameters: {
        query: {
          program: 'hypertension' | 'diabetes' | 'elderly' | 'maternal' | 'child_health' | 'immunization';
          villageCode?: string;
          townshipCode?: string;
          doctorId?: number;
          category?: 'overdue' | 'due_week' | 'under_visited' | 'check_missing';
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
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': components['schemas']['ApiError'];
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
  '/api/worklists/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The workbench: how many are due in each register (total and by category) for a doctor, village or township within the jurisdiction */
    get: {
      parameters: {
        query?: {
          villageCode?: string;
          townshipCode?: string;
          doctorId?: number;
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
            'application/json': components['schemas']['WorklistSummary'];
          };
        };
        /** @description Default Response */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
          };
        };
        /** @description Default Response */
        '4XX': {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiError'];
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
  schemas: {
    Abilities: {
      'resident.read': boolean;
      'resident.create': boolean;
      'resident.update': boolean;
      'resident.archive': boolean;
      'resident.export': boolean;
      'household.write': boolean;
      'service.write': boolean;
      'audit.read': boolean;
      'user.manage': boolean;
      'place.read': boolean;
    };
    ApiError: {
      /** @enum {string} */
      code:
        | 'validation_failed'
        | 'bad_request'
        | 'unauthenticated'
        | 'session_expired'
        | 'invalid_credentials'
        | 'account_locked'
        | 'account_disabled'
        | 'csrf_failed'
        | 'forbidden'
        | 'not_found'
        | 'route_not_found'
        | 'duplicate_id_number'
        | 'duplicate_id_number_elsewhere'
        | 'possible_duplicate'
        | 'stale_version'
        | 'conflict'
        | 'record_numbers_exhausted'
        | 'payload_too_large'
        | 'rate_limited'
        | 'password_policy'
        | 'password_reused'
        | 'archived_record'
        | 'draft_not_yours'
        | 'export_too_large'
        | 'internal'
        | 'unavailable'
        | 'second_factor_required'
        | 'second_factor_invalid'
        | 'challenge_expired'
        | 'second_factor_mandatory'
        | 'second_factor_not_enrolled'
        | 'password_change_required'
        | 'own_account'
        | 'file_unreadable';
      message: string;
      details: components['schemas']['FieldError'][];
      requestId: string;
      /** @description stale_version: the stored version */
      currentVersion?: number;
      /** @description stale_version: the version sent */
      yourVersion?: number;
      /** @description invalid_credentials: tries left before the account locks */
      attemptsLeft?: number;
      /** @description account_locked: until when */
      lockedUntil?: string;
      /** @description account_locked: seconds until it unlocks */
      secondsLeft?: number;
      /** @description duplicate_id_number: the record that has this ID number */
      existing?: {
        id: number;
        recordNumber: string;
      };
      /** @description duplicate_id_number_elsewhere: the institution that holds the record (ask it for a transfer) */
      institution?: string;
      /** @description possible_duplicate: look-alike records inside the jurisdiction */
      candidates?: {
        id: number;
        recordNumber: string;
        name: string;
        villageName: string;
      }[];
      /** @description possible_duplicate: how many look-alikes are outside it */
      elsewhere?: number;
      /** @description export_too_large: the most rows one export may have */
      limit?: number;
      /** @description conflict (already enrolled): the existing enrolment */
      enrolmentId?: number;
      /** @description second_factor_required: the pending sign-in, for the second-factor routes */
      challenge?: string;
      /** @description second_factor_required: the account must first set up its authenticator */
      enrol?: boolean;
      /** @description second_factor_required: until when the step is open */
      challengeExpiresAt?: string;
    };
    Area: {
      code: string;
      name: string;
      /** @enum {string} */
      level: 'county' | 'township' | 'village';
      parentCode: string | null;
    };
    AuditEntry: {
      id: number;
      at: string;
      actor: {
        id: number | null;
        username: string | null;
        displayName: string | null;
        role: string | null;
      };
      ip: string | null;
      requestId: string | null;
      action: string;
      entityType: string | null;
      entityId: string | null;
      residentId: number | null;
      fields: string[] | null;
      outcome: string;
    };
    AuditPage: {
      items: components['schemas']['AuditEntry'][];
      hasMore: boolean;
      page: number;
      pageSize: number;
    };
    CreatedUser: {
      user: components['schemas']['UserAccount'];
      temporaryPassword: string;
    };
    Doctor: {
      id: number;
      name: string;
      institutionName: string;
    };
    Enrolment: {
      id: number;
      program: string;
      /** @enum {string} */
      status: 'managed' | 'lost' | 'moved' | 'deceased' | 'ended';
      statusDate: string | null;
      enrolledOn: string;
      diagnosisDate: string | null;
      diagnosisSource: string | null;
      managingDoctorId: number | null;
      version: number;
      nextDueDate: string | null;
      lastVisitDate: string | null;
      lastCheckDate: string | null;
      visitsThisYear: number;
      warnings?: {
        field: string;
        code: string;
      }[];
    };
    FieldError: {
      field: string;
      code: string;
      message: string;
    };
    HistoryEntry: {
      version: number;
      action: string;
      changedAt: string;
      changedBy: {
        id: number;
        name: string;
      } | null;
      changes: {
        field: string;
        old: unknown;
        new: unknown;
      }[];
    };
    Household: {
      id: number;
      villageCode: string;
      villageName: string;
      address: string | null;
      headResidentId: number | null;
      /** @enum {string} */
      status: 'active' | 'dissolved';
      version: number;
      members: components['schemas']['HouseholdMember'][];
    };
    HouseholdList: {
      items: {
        id: number;
        villageCode: string;
        villageName: string;
        address: string | null;
        head: {
          id: number;
          name: string;
        } | null;
        members: number;
        /** @enum {string} */
        status: 'active' | 'dissolved';
      }[];
      total: number;
      totalExact: boolean;
      page: number;
      pageSize: number;
    };
    HouseholdMember: {
      id: number;
      name: string;
      sex: string;
      birthDate: string;
      relationToHead: string | null;
      recordNumber: string;
      /** @enum {string} */
      status: 'active' | 'archived';
      version: number;
    };
    IdNumberCheck:
      | {
          /** @constant */
          status: 'free';
        }
      | {
          /** @constant */
          status: 'here';
          id: number;
          recordNumber: string;
        }
      | {
          /** @constant */
          status: 'elsewhere';
          institution: string;
        };
    Institution: {
      id: number;
      code: string;
      name: string;
      kind: string;
      areaCode: string;
      parentId: number | null;
    };
    LoginHistory: {
      items: {
        at: string;
        /** @enum {string} */
        outcome:
          'success' | 'failure' | 'second_factor_pending' | 'second_factor_failure' | 'locked' | 'disabled';
        method: string | null;
        address: string | null;
        client: string;
      }[];
    };
    Me: {
      user: {
        id: number;
        username: string;
        displayName: string;
        /** @enum {string} */
        role:
          | 'village_doctor'
          | 'township_staff'
          | 'township_admin'
          | 'county_admin'
          | 'city_inspector'
          | 'system_admin';
        roleLabel: {
          zh: string;
          en: string;
        };
        institutionId: number;
        institutionName: string;
        countyCode: string;
        jurisdiction: {
          counties: string[];
          townships: string[];
          villages: string[];
        };
      };
      abilities: components['schemas']['Abilities'];
      csrfToken: string | null;
      expiresAt: string;
      timeZone: string;
      mustChangePassword: boolean;
    };
    PlannedService: {
      type: string;
      key: string;
      from: string;
      by: string;
      /** @enum {string} */
      state: 'done' | 'due' | 'overdue' | 'missed' | 'upcoming';
      recordId: number | null;
      doneOn: string | null;
      expected?: boolean;
    };
    ResidentCount: {
      total: number;
    };
    ResidentList: {
      items: components['schemas']['ResidentListItem'][];
      total: number;
      totalExact: boolean;
      page: number;
      pageSize: number;
      queryKind: string | null;
    };
    ResidentListItem: {
      id: number;
      recordNumber: string;
      name: string;
      sex: string;
      birthDate: string;
      age: number;
      idNumberMasked: string | null;
      phoneMasked: string | null;
      villageCode: string;
      villageName: string;
      householdId: number | null;
      keyTags: string[];
      /** @enum {string} */
      status: 'active' | 'archived';
      version: number;
    };
    ResidentView: {
      id: number;
      recordNumber: string;
      countyCode: string;
      townshipCode: string;
      townshipName: string;
      villageCode: string;
      villageName: string;
      name: string;
      namePinyin: string;
      sex: string;
      birthDate: string;
      age: number;
      idType: string;
      idNumber: string | null;
      phone: string | null;
      currentAddress: string | null;
      registeredAddress: string | null;
      householdId: number | null;
      relationToHead: string | null;
      keyTags: string[];
      manualTags: string[];
      /** @enum {string} */
      status: 'active' | 'archived';
      archiveReason: string | null;
      archiveDate: string | null;
      archiveNote: string | null;
      institution: {
        id: number;
        name: string;
      } | null;
      responsibleDoctor: {
        id: number;
        name: string;
      } | null;
      createdBy: {
        id: number;
        name: string;
      } | null;
      recordDate: string;
      basicInfo: {
        workUnit?: string;
        contactName?: string;
        contactPhone?: string;
        /** @enum {string} */
        residenceType: '1' | '2';
        /** @enum {string} */
        ethnicity:
          | '10'
          | '11'
          | '12'
          | '13'
          | '14'
          | '15'
          | '16'
          | '17'
          | '18'
          | '19'
          | '20'
          | '21'
          | '22'
          | '23'
          | '24'
          | '25'
          | '26'
          | '27'
          | '28'
          | '29'
          | '30'
          | '31'
          | '32'
          | '33'
          | '34'
          | '35'
          | '36'
          | '37'
          | '38'
          | '39'
          | '40'
          | '41'
          | '42'
          | '43'
          | '44'
          | '45'
          | '46'
          | '47'
          | '48'
          | '49'
          | '50'
          | '51'
          | '52'
          | '53'
          | '54'
          | '55'
          | '56'
          | '97'
          | '98'
          | '99'
          | '01'
          | '02'
          | '03'
          | '04'
          | '05'
          | '06'
          | '07'
          | '08'
          | '09';
        ethnicityOther?: string;
        /** @enum {string} */
        bloodType: '1' | '2' | '3' | '4' | '5';
        /** @enum {string} */
        rh: '1' | '2' | '3';
        /** @enum {string} */
        education: '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10';
        /** @enum {string} */
        occupation: '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8';
        /** @enum {string} */
        maritalStatus: '1' | '2' | '3' | '4' | '5';
        paymentMethods: {
          codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8')[];
          other?: string;
        };
        drugAllergy: {
          codes: ('1' | '2' | '3' | '4' | '5')[];
          other?: string;
        };
        exposure: {
          codes: ('1' | '2' | '3' | '4')[];
          other?: string;
        };
        diseases: {
          /** @enum {string} */
          code: '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12' | '13';
          diagnosedAt?: string;
          note?: string;
        }[];
        surgeries: {
          has: boolean;
          items: {
            name: string;
            date?: string;
          }[];
        };
        traumas: {
          has: boolean;
          items: {
            name: string;
            date?: string;
          }[];
        };
        transfusions: {
          has: boolean;
          items: {
            name: string;
            date?: string;
          }[];
        };
        familyHistory: {
          father: {
            codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12')[];
            other?: string;
          };
          mother: {
            codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12')[];
            other?: string;
          };
          siblings: {
            codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12')[];
            other?: string;
          };
          children: {
            codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '11' | '12')[];
            other?: string;
          };
        };
        hereditaryDisease: {
          has: boolean;
          name?: string;
        };
        disability: {
          codes: ('1' | '2' | '3' | '4' | '5' | '6' | '7' | '8')[];
          other?: string;
        };
        environment: {
          /** @enum {string} */
          kitchenExhaust: '1' | '2' | '3' | '4';
          /** @enum {string} */
          fuel: '1' | '2' | '3' | '4' | '5' | '6';
          /** @enum {string} */
          drinkingWater: '1' | '2' | '3' | '4' | '5' | '6';
          /** @enum {string} */
          toilet: '1' | '2' | '3' | '4' | '5';
          /** @enum {string} */
          livestockPen: '1' | '2' | '3' | '4';
        };
      };
      version: number;
      createdAt: string;
      updatedAt: string;
    };
    SecondFactorStatus: {
      enabled: boolean;
      required: boolean;
      enabledAt: string | null;
      recoveryCodesLeft: number;
    };
    ServiceDraftList: {
      total: number;
      items: {
        id: number;
        residentId: number;
        name: string;
        type: string;
        serviceDate: string;
        version: number;
        updatedAt: string;
      }[];
    };
    ServiceItem: {
      id: number;
      type: string;
      serviceDate: string;
      /** @enum {string} */
      delivery: 'clinic' | 'home' | 'phone';
      /** @enum {string} */
      status: 'draft' | 'signed';
      version: number;
      sbp: number | null;
      dbp: number | null;
      fastingGlucose: number | null;
      weightKg: number | null;
      classification: string | null;
      nextVisitDate: string | null;
      nextAction: string | null;
      staffUserId: number;
    };
    ServiceList: {
      enrolments: components['schemas']['Enrolment'][];
      items: components['schemas']['ServiceItem'][];
      plans: {
        program: string;
        services: components['schemas']['PlannedService'][];
      }[];
      linked: {
        serviceId: number;
        type: string;
        serviceDate: string;
        residentId: number;
        name: string;
      }[];
    };
    ServiceRecord: {
      id: number;
      residentId: number;
      type: string;
      serviceDate: string;
      /** @enum {string} */
      delivery: 'clinic' | 'home' | 'phone';
      /** @enum {string} */
      status: 'draft' | 'signed';
      version: number;
      institutionId: number;
      staffUserId: number;
      form: {
        [key: string]: unknown;
      };
      classification: string | null;
      nextVisitDate: string | null;
      nextAction: string | null;
      warnings: {
        field: string;
        code: string;
      }[];
      proof: unknown | null;
      signedAt: string | null;
    };
    SignInInfo: {
      demo: boolean;
      twoFactorRoles: (
        | 'village_doctor'
        | 'township_staff'
        | 'township_admin'
        | 'county_admin'
        | 'city_inspector'
        | 'system_admin'
      )[];
      training: boolean;
    };
    SignedIn: {
      user: {
        id: number;
        username: string;
        displayName: string;
        /** @enum {string} */
        role:
          | 'village_doctor'
          | 'township_staff'
          | 'township_admin'
          | 'county_admin'
          | 'city_inspector'
          | 'system_admin';
        roleLabel: {
          zh: string;
          en: string;
        };
        institutionId: number;
        institutionName: string;
        countyCode: string;
        jurisdiction: {
          counties: string[];
          townships: string[];
          villages: string[];
        };
      };
      abilities: components['schemas']['Abilities'];
      csrfToken: string | null;
      expiresAt: string;
      timeZone: string;
      mustChangePassword: boolean;
      /** @description shown once: ten one-time recovery codes */
      recoveryCodes?: string[];
    };
    Team: {
      id: number;
      name: string;
      institutionId: number;
      institutionName: string;
      leader: {
        id: number;
        name: string;
      } | null;
      members: {
        id: number;
        name: string;
        duty: string;
      }[];
    };
    TotpEnrolment: {
      secret: string;
      otpauthUri: string;
    };
    UserAccount: {
      id: number;
      username: string;
      displayName: string;
      /** @enum {string} */
      role:
        | 'village_doctor'
        | 'township_staff'
        | 'township_admin'
        | 'county_admin'
        | 'city_inspector'
        | 'system_admin';
      roleLabel: {
        zh: string;
        en: string;
      };
      institutionId: number;
      institutionCode: string;
      institutionName: string;
      countyCode: string;
      phone: string | null;
      active: boolean;
      locked: boolean;
      secondFactor: boolean;
      mustChangePassword: boolean;
      lastLoginAt: string | null;
      teams: {
        id: number;
        name: string;
      }[];
      manageable: boolean;
    };
    UserAccountList: {
      items: components['schemas']['UserAccount'][];
      total: number;
      assignableRoles: (
        | 'village_doctor'
        | 'township_staff'
        | 'township_admin'
        | 'county_admin'
        | 'city_inspector'
        | 'system_admin'
      )[];
    };
    UserImportReport: {
      written: boolean;
      rows: {
        row: number;
        username: string;
        displayName: string;
        ok: boolean;
        errors: components['schemas']['FieldError'][];
      }[];
      created: {
        row: number;
        username: string;
        temporaryPassword: string;
      }[];
    };
    VisitRecords: {
      items: components['schemas']['ServiceRecord'][];
    };
    Worklist: {
      counts: components['schemas']['WorklistCounts'];
      items: components['schemas']['WorklistRow'][];
    };
    WorklistCounts: {
      total: number;
      overdue: number;
      due_week: number;
      under_visited: number;
      check_missing: number;
    };
    WorklistRow: {
      residentId: number;
      name: string;
      sex: string;
      birthDate: string;
      age: number;
      phone: string | null;
      address: string | null;
      villageCode: string;
      managingDoctorId: number | null;
      lastVisitDate: string | null;
      lastClassification: string | null;
      lastSbp: number | null;
      lastDbp: number | null;
      lastFastingGlucose: number | null;
      lastCheckDate: string | null;
      dueDate: string;
      dueBy: string | null;
      dueType: string | null;
      dueKey: string | null;
      overdueDays: number;
      visitsThisYear: number;
      categories: ('overdue' | 'due_week' | 'under_visited' | 'check_missing')[];
    };
    WorklistSummary: {
      registers: {
        program: string;
        counts: components['schemas']['WorklistCounts'];
      }[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
