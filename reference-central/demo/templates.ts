// Blank legacy rows: every column the real central sends for a table (the fixtures' column sets), set to
// the legacy "empty" value. Generated rows spread one of these and fill in what they mean.
import type { LegacyRow } from './types';
import { columns } from './random';

const NO_DATE = '0000-00-00';

export const BLANK_UNIT: Readonly<LegacyRow> = { ID: '', units: '', comment: '', order_number: 0 };

export const BLANK_ITEM: Readonly<LegacyRow> = {
  ...columns(
    '',
    `ID item_name code manufacture_method atc_category medication_purpose instructions flags ddd_value
    other_names barcode_spare department_ID catalogue_code user_field_1 description Message interaction_group_ID
    cross_ref_item_ID strength user_field_6 user_field_2 user_field_3 account_stock_ID account_purchases_ID
    account_income_ID unit_ID category_ID ABC_category non_stock_name_ID sms_code category2_ID category3_ID
    VEN_category universalcodes_code universalcodes_name restricted_location_type_ID product_specifications`,
  ),
  ...columns(
    0,
    `default_pack_size margin sms_pack_size volume_per_pack weight indic_price reference_bom_quantity
    spare_internal_analysis outer_pack_size warning_quantity user_field_5 volume_per_outer_pack buy_price doses`,
  ),
  ...columns(
    false,
    `user_field_7 price_editable spare_ignore_for_orders expiry_date_mandatory essential_drug_list
    spare_hold_for_issue builds_only use_bill_of_materials spare_hold_for_receive spare_pack_to_one_on_receive
    user_field_4 print_units_in_dis_labels normal_stock critical_stock spare_non_stock is_sync is_vaccine`,
  ),
  ...columns(null, 'kit_data custom_data'),
  'ddd factor': 0,
  start_of_year_date: NO_DATE,
  type_of: 'general',
};

export const BLANK_NAME: Readonly<LegacyRow> = {
  ...columns(
    '',
    `ID name code type phone bill_address1 bill_address2 comment currency_ID country email last first url
    barcode category1_ID price_category next_of_kin_relative national_health_number supplying_store_id om_gender
    fax custom1 title group_ID ship_address1 ship_address2 postal_address1 postal_address2 region_ID flag custom2
    custom3 PATIENT_PHOTO NEXT_OF_KIN_ID POBOX middle Blood_Group marital_status mother_id postal_address3
    postal_address4 bill_address3 bill_address4 ship_address3 ship_address4 ethnicity_ID occupation_ID
    religion_ID ordering_method Master_RTM_Supplier_name category2_ID category3_ID category4_ID category5_ID
    category6_ID bill_address5 bill_postal_zip_code postal_address5 postal_zip_code ship_address5
    ship_postal_zip_code license_number nationality_ID om_created_datetime om_date_of_death HSH_code HSH_name
    integration_ID`,
  ),
  ...columns(
    false,
    `customer supplier female isDeceased hold manufacturer print_invoice_alphabetical preferred Benchmark donor
    has_current_license`,
  ),
  ...columns(
    0,
    `margin freightfac overpayment default_order_days connection_type ZIP Master_RTM_Supplier_Code latitude
    longitude maximum_credit`,
  ),
  ...columns(NO_DATE, 'date_of_birth license_expiry created_date'),
  'charge code': '',
  custom_data: null,
};

export const BLANK_STORE: Readonly<LegacyRow> = {
  ...columns(
    '',
    `ID name code name_ID tags mwks_export_mode responsible_user_ID organisation_name address_1 address_2
    address_3 address_4 address_5 logo postal_zip_code phone spare_user_1 spare_user_2 spare_user_3 spare_user_4
    spare_user_5 spare_user_6 spare_user_7 spare_user_8 spare_user_9 spare_user_10 spare_user_11 spare_user_12
    spare_user_13 spare_user_14 spare_user_15 spare_user_16`,
  ),
  ...columns(false, 'IS_HIS sort_issues_by_status_spare disabled'),
  sync_id_remote_site: 0,
  store_mode: 'store',
  custom_data: null,
  created_date: NO_DATE,
};

export const BLANK_LIST_MASTER: Readonly<LegacyRow> = {
  ...columns('', 'ID description created_by_user_ID note code'),
  ...columns(
    false,
    'gets_new_items isProgram isPatientList is_hiv is_immunisation isSupplierHubCatalog inactive',
  ),
  ...columns(null, 'tags programSettings'),
  date_created: NO_DATE,
};

export const BLANK_LIST_MASTER_LINE: Readonly<LegacyRow> = {
  ...columns('', 'ID item_master_ID item_ID'),
  ...columns(0, 'imprest_quan order_number price'),
};

export const BLANK_LIST_MASTER_NAME_JOIN: Readonly<LegacyRow> = {
  ...columns('', 'ID description name_ID list_master_ID'),
  ...columns(false, 'include_web include_imprest include_stock_hist price_list'),
};

export const BLANK_NAME_STORE_JOIN: Readonly<LegacyRow> = {
  ...columns('', 'ID name_ID store_ID'),
  ...columns(0, 'spare_Category_ID spare_Category_optional2_id spare_Category_optional_id'),
  inactive: false,
};

export const BLANK_LOCATION: Readonly<LegacyRow> = {
  ...columns(
    '',
    'ID code Description store_ID Comment type_ID object_type parent_id Colour replenishment_type asset_ID',
  ),
  ...columns(0, 'Volume bottom_y_coordinate priority'),
  ...columns(false, 'summary_only hold'),
};

export const BLANK_ITEM_LINE: Readonly<LegacyRow> = {
  ...columns(
    '',
    `ID batch item_ID store_ID barcodeID donor_id location_ID manufacturer_ID name_ID note user_1 user_2 user_3
    user_4 user_5_ID user_6_ID user_7_ID user_8_ID vvm_status_id om_item_variant_id`,
  ),
  ...columns(
    0,
    `available cost_price initial_quan pack_inners_per_outer pack_quan_per_inner pack_size quantity sell_price
    spare spare_start_year_quan_tot stock_on_hand_tot total_cost total_volume volume_per_pack weight_per_pack`,
  ),
  ...columns(null, 'extraData kit_data oms_fields'),
  expiry_date: NO_DATE,
  hold: false,
};

export const BLANK_TRANSACT: Readonly<LegacyRow> = {
  ...columns(
    '',
    `ID name_ID store_ID type status user_ID comment linked_transaction_id their_ref service_descrip
    prescriber_ID goods_received_ID ship_method_ID ship_method_comment waybill_number responsible_officer_ID
    category_ID budget_period_ID user1 user2 user3 user4 original_PO_ID donor_default_id contact_id encounter_id
    requisition_ID linked_goods_received_ID authorisationStatus nameInsuranceJoinID optionID paymentTypeID
    diagnosis_ID wardID category2_ID currency_ID`,
  ),
  ...columns(
    0,
    `invoice_num amount_outstanding total export_batch service_price subtotal tax tax_rate number_of_cartons
    foreign_currency_total supplier_charge_fc local_charge_distributed mwks_sequence_num Colour
    insuranceDiscountAmount insuranceDiscountRate lastModifiedAt entry_time confirm_time finalised_time`,
  ),
  ...columns(
    NO_DATE,
    `entry_date confirm_date finalised_date pickslip_printed_date invoice_printed_date ship_date
    arrival_date_estimated arrival_date_actual Date_order_received Date_order_written`,
  ),
  ...columns(false, 'hold is_cancellation is_authorised'),
  ...columns(
    null,
    `internalData custom_data goodsReceivedConfirmation om_transport_reference om_expected_delivery_date
    om_created_datetime om_allocated_datetime om_picked_datetime om_shipped_datetime om_delivered_datetime
    om_verified_datetime om_status om_colour om_type`,
  ),
  currency_rate: 1,
  mode: 'store',
};

export const BLANK_TRANS_LINE: Readonly<LegacyRow> = {
  ...columns(
    '',
    `ID transaction_ID item_ID item_name item_line_ID batch note type barcodeID box_number
    goods_received_lines_ID isVVMPassed linked_trans_line_ID linked_transact_id location_ID manufacturer_ID
    medicine_administrator_ID optionID order_lines_ID repeat_ID source_backorder_id supp_trans_line_ID_ns user_1
    user_2 user_3 user_4 user_5_ID user_6_ID user_7_ID user_8_ID vaccine_vial_monitor_status_ID
    om_item_variant_id donor_id`,
  ),
  ...columns(
    0,
    `Weight cost_price foreign_currency_price line_number local_charge_line_total pack_inners_in_outer pack_size
    pack_size_inner prescribedQuantity price_extension quantity sell_price sentQuantity sent_pack_size
    volume_per_pack spare`,
  ),
  ...columns(null, 'custom_data om_item_code om_tax om_total_after_tax om_total_before_tax oms_fields'),
  expiry_date: NO_DATE,
  is_from_inventory_adjustment: false,
};

export const BLANK_REQUISITION: Readonly<LegacyRow> = {
  ...columns(
    '',
    `ID user_ID name_ID status store_ID type comment linked_requisition_id orderType periodID programID
    nsh_custInv_ID previous_csh_id requester_reference linked_purchase_order_ID authorisationStatus`,
  ),
  ...columns(0, 'daysToSupply serial_number colour thresholdMOS lastModifiedAt'),
  ...columns(NO_DATE, 'date_stock_take date_entered date_order_received'),
  ...columns(false, 'is_emergency isRemoteOrder'),
  ...columns(null, 'custom_data oms_fields'),
};

export const BLANK_REQUISITION_LINE: Readonly<LegacyRow> = {
  ...columns(
    '',
    `ID requisition_ID item_ID itemName comment linked_requisition_line_ID purchase_order_line_ID optionID
    authoriser_comment om_snapshot_datetime`,
  ),
  ...columns(
    0,
    `stock_on_hand actualQuan imprest_or_prev_quantity colour line_number Cust_prev_stock_balance
    Cust_stock_received Cust_stock_order Cust_loss_adjust days_out_or_new_demand previous_stock_on_hand
    daily_usage suggested_quantity adjusted_consumption Cust_stock_issued stockLosses stockAdditions
    stockExpiring DOSforAMCadjustment requestedPackSize approved_quantity`,
  ),
  oms_fields: null,
};

export const BLANK_STOCK_TAKE: Readonly<LegacyRow> = {
  ...columns(
    '',
    `ID Description comment created_by_ID finalised_by_ID invad_additions_ID invad_reductions_ID programID
    status store_ID type om_created_datetime om_counted_by om_verified_by`,
  ),
  ...columns(0, 'serial_number stock_take_time'),
  ...columns(NO_DATE, 'stock_take_created_date stock_take_date'),
  ...columns(false, 'Locked om_is_initial_stocktake'),
};

export const BLANK_STOCK_TAKE_LINE: Readonly<LegacyRow> = {
  ...columns(
    '',
    `ID Batch comment donor_ID item_ID item_name item_line_ID location_id optionID stock_take_ID
    vaccine_vial_monitor_status_ID`,
  ),
  ...columns(
    0,
    'Colour cost_price line_number sell_price snapshot_packsize snapshot_qty spare stock_take_qty volume_per_pack',
  ),
  expiry: NO_DATE,
  is_edited: false,
  oms_fields: null,
};

export const BLANK_SENSOR: Readonly<LegacyRow> = {
  ...columns('', 'ID macAddress name locationID storeID om_last_connection_datetime'),
  ...columns(0, 'batteryLevel logInterval lastConnectionTime'),
  is_active: false,
  lastConnectionDate: NO_DATE,
};

export const BLANK_TEMPERATURE_BREACH: Readonly<LegacyRow> = {
  ...columns('', 'ID sensor_ID location_ID type store_ID om_end_datetime om_start_datetime om_comment'),
  ...columns(
    0,
    `threshold_minimum_temperature threshold_maximum_temperature threshold_duration duration start_time
    end_time`,
  ),
  ...columns(NO_DATE, 'start_date end_date'),
  acknowledged: false,
};

export const BLANK_TEMPERATURE_LOG: Readonly<LegacyRow> = {
  ...columns('', 'ID sensor_ID location_ID store_ID temperature_breach_ID om_datetime'),
  ...columns(0, 'temperature time'),
  date: NO_DATE,
};
