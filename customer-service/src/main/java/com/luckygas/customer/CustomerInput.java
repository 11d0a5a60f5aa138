package com.luckygas.customer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.luckygas.customer.Customer.Equipment;
import com.luckygas.customer.Customer.PaymentTerm;
import com.luckygas.customer.Customer.Slot;
import com.luckygas.customer.Customer.VehicleAccess;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the office writes about a customer: the body of create and full update, and what a
 * partial update is merged onto before it is validated. {@code version} is the version the
 * change was made against (or send it as {@code If-Match}).
 */
public record CustomerInput(
        @NotBlank @Pattern(regexp = "[0-9A-Za-z-]{1,20}", message = "must be 1 to 20 letters, digits or '-'") String code,
        @Schema(examples = "美味小吃") @NotBlank @Size(max = 100) String shortName,
        @Schema(examples = "美味小吃有限公司") @Size(max = 200) String invoiceTitle,
        @Size(max = 10) List<@NotBlank @Size(max = 30) String> phones,
        @Schema(examples = "臺北市中正區重慶南路一段122號") @Size(max = 300) String address,
        @Schema(examples = "中正區") @Size(max = 50) String area,
        @DecimalMin(value = "21.8", message = "must be in Taiwan (latitude 21.8 to 26.5)")
        @DecimalMax(value = "26.5", message = "must be in Taiwan (latitude 21.8 to 26.5)")
        @Digits(integer = 2, fraction = 6) BigDecimal latitude,
        @DecimalMin(value = "118.0", message = "must be in Taiwan (longitude 118.0 to 122.1)")
        @DecimalMax(value = "122.1", message = "must be in Taiwan (longitude 118.0 to 122.1)")
        @Digits(integer = 3, fraction = 6) BigDecimal longitude,
        @Size(max = 30) String type,
        PaymentTerm paymentTerm,
        @Size(max = 50) String pricingMethod,
        @Size(max = 24) List<@NotNull @Min(0) @Max(23) Integer> acceptedHours,
        Slot preferredSlot,
        @Size(max = 200) String closedDays,
        VehicleAccess vehicleAccess,
        @DecimalMin("0") @DecimalMax("9999") @Digits(integer = 4, fraction = 2) BigDecimal avgDailyUseKg,
        @Min(1) @Max(3650) Integer maxCycleDays,
        @Min(0) @Max(365) Integer allowedDelayDays,
        @DecimalMin("0") @DecimalMax("99999999") @Digits(integer = 8, fraction = 2) BigDecimal monthlyVolume,
        Boolean subscriptionMember,
        Boolean needsSameDay,
        Boolean terminated,
        Set<@NotNull Equipment> equipment,
        @Size(max = 30) Map<@Pattern(regexp = "[A-Z0-9]{1,12}", message = "must be a product code such as R20") String,
                @NotNull @Min(0) @Max(999) Integer> cylindersHeld,
        @Size(max = 1000) String deliveryNotes,
        Long version) {
}
