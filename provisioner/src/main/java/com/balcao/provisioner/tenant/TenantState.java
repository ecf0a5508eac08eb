package com.balcao.provisioner.tenant;

/** Where a tenant is in its life; a create that stopped half-way stays CREATING and resumes. */
public enum TenantState {
    CREATING, RUNNING, STOPPED, SUSPENDED
}
